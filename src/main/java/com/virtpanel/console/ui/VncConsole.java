package com.virtpanel.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The browser side of a console: noVNC's RFB inside {@code <vp-vnc-console>}. It is given a
 * ticket's path, never a reusable secret. (1.7.0: 1.6.0 does not build with Vaadin's Vite.)
 */
@Tag("vp-vnc-console")
@NpmPackage(value = "@novnc/novnc", version = "1.7.0")
@JsModule("./components/vp-vnc-console.js")
class VncConsole extends Component {

    /** What the browser reports: connecting, connected, disconnected or failed, with the close code. */
    record Status(String state, int code, String reason, boolean wasConnected) {
    }

    VncConsole() {
        setId("console-screen");
        getStyle().set("flex", "1 1 auto").set("min-height", "0").set("background", "#000");
    }

    void connect(String path) {
        getElement().callJsFunction("connect", path);
    }

    void disconnect() {
        getElement().callJsFunction("disconnect");
    }

    void sendCtrlAltDel() {
        getElement().callJsFunction("sendCtrlAltDel");
    }

    void sendText(String text) {
        getElement().callJsFunction("sendText", text);
    }

    void setScale(boolean on) {
        getElement().callJsFunction("setScale", on);
    }

    void readClipboard(SerializableConsumer<String> then) {
        getElement().callJsFunction("readClipboard").then(String.class, then, error -> then.accept(""));
    }

    void onStatus(SerializableConsumer<Status> listener) {
        getElement().addEventListener("status-changed", e -> {
            var data = e.getEventData();
            listener.accept(new Status(data.getString("event.detail.status"), (int) data.getNumber("event.detail.code"),
                    data.getString("event.detail.reason"), data.getBoolean("event.detail.wasConnected")));
        }).addEventData("event.detail.status").addEventData("event.detail.code").addEventData("event.detail.reason")
                .addEventData("event.detail.wasConnected");
    }
}
