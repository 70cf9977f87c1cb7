package com.virtpanel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A signed-in browser tab spoken to in Vaadin's own protocol over HTTP: the UI made by
 * {@code v-r=init} at a location, then UIDL requests whose answers the caller asserts on.
 */
public final class UiTab {

    private final HttpClient http;
    private final String base;
    private final String session;
    private final VaadinUi ui;

    private UiTab(HttpClient http, String base, String session, VaadinUi ui) {
        this.http = http;
        this.base = base;
        this.session = session;
        this.ui = ui;
    }

    /** Opens a tab at {@code location} (a route, as the browser's address bar has it) in this session. */
    public static UiTab open(HttpClient http, int port, String session, String location) throws IOException, InterruptedException {
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=init&location="
                + location + "&query=")).header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).isEqualTo(200);
        return of(http, port, session, new VaadinUi(init.body()));
    }

    /** A tab whose UI the caller made from its own {@code v-r=init} (a benchmark times that request apart). */
    public static UiTab of(HttpClient http, int port, String session, VaadinUi ui) {
        return new UiTab(http, "http://localhost:" + port, session, ui);
    }

    public VaadinUi ui() {
        return ui;
    }

    /** Sends one invocation ({@link VaadinUi#navigate}, {@link VaadinUi#POLL}) and returns the answer. */
    public String send(String rpc) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + ui.path()))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(ui.request(rpc))).build(), HttpResponse.BodyHandlers.ofString());
        return ui.answered(r.statusCode(), r.body());
    }
}
