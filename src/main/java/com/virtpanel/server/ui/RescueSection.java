package com.virtpanel.server.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.AllowedActions;
import com.virtpanel.server.ServerAction;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerRescue;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerUpdates;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The server page's rescue mode: "Boot into rescue" (with the SSH keys, or a one-time root
 * password shown once), and while in rescue the time left and "Leave rescue". Keeps itself
 * current like the page does.
 */
@org.springframework.stereotype.Component
@Order(4)
class RescueSection implements ServerPageSection {

    private final ServerService servers;
    private final ServerRescue rescue;
    private final ServerUpdates updates;
    private final Clock clock;

    RescueSection(ServerService servers, ServerRescue rescue, ServerUpdates updates, Clock clock) {
        this.servers = servers;
        this.rescue = rescue;
        this.updates = updates;
        this.clock = clock;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.RECOVERY;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        var box = new Box(server.id());
        LiveServerUpdates.follow(box, updates, event -> {
            if (event.serverId() == box.id) {
                box.fill();
            }
        }, box::fill);
        box.fill();
        return Optional.of(box);
    }

    /**
     * One page's section. Its parts are built once and updated in place: rebuilt on every poll,
     * a click on "Leave rescue" that crossed a poll's answer went to a button already replaced,
     * and Vaadin dropped it.
     */
    private final class Box extends Div {

        final long id;
        private final Span state = new Span();
        private final Div stateLine = new Div(state);
        private final Button leave;
        private final Button boot;

        Box(long id) {
            this.id = id;
            setId("rescue");
            state.setId("rescue-state");
            state.addClassNames("banner", "banner-warning");
            leave = new Button(Texts.get("server.rescue.leave"), VaadinIcon.SIGN_OUT.create(), e -> act(() -> rescue.leaveRescue(id)));
            leave.setId("leave-rescue");
            boot = new Button(Texts.get("server.rescue.boot"), VaadinIcon.AMBULANCE.create(), e -> confirm(this));
            boot.setId("boot-rescue");
            add(new H3(Texts.get("server.rescue.title")), stateLine, leave, boot);
        }

        void fill() {
            AllowedActions allowed;
            Optional<Instant> until;
            try {
                allowed = servers.allowedActions(id);
                until = rescue.rescueUntil(id);
            } catch (PanelException gone) {
                setVisible(false);
                return;
            }
            setVisible(true);
            until.ifPresent(end -> state.setText(Texts.get("server.rescue.state", minutesLeft(end))));
            stateLine.setVisible(until.isPresent());
            leave.setVisible(until.isPresent());
            boot.setVisible(until.isEmpty());
            show(leave, allowed, ServerAction.LEAVE_RESCUE);
            show(boot, allowed, ServerAction.RESCUE);
        }

        private void act(Runnable action) {
            try {
                action.run();
                fill();
            } catch (PanelException ex) {
                Notices.error(Texts.of(ex));
            }
        }
    }

    private long minutesLeft(Instant end) {
        return Math.max(0, (Duration.between(clock.instant(), end).toSeconds() + 59) / 60);
    }

    private static void show(Button button, AllowedActions allowed, ServerAction action) {
        button.setEnabled(allowed.allowed(action));
        button.setTooltipText(Texts.get(allowed.reason(action)));
    }

    private void confirm(Box box) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(Texts.get("server.rescue.boot"));
        var password = new Checkbox(Texts.get("server.rescue.one-time-password"));
        password.setId("rescue-password");
        dialog.add(new Paragraph(Texts.get("server.rescue.explain")), password);
        var go = new Button(Texts.get("server.rescue.boot"), e -> {
            dialog.close();
            try {
                var started = rescue.rescue(box.id, password.getValue());
                if (started.rootPassword() != null) {
                    showPassword(started.rootPassword());
                }
                box.fill();
            } catch (PanelException ex) {
                Notices.error(Texts.of(ex));
            }
        });
        go.setId("confirm-rescue");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Texts.get("common.cancel"), e -> dialog.close()), go);
        dialog.open();
    }

    private static void showPassword(String password) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(Texts.get("server.rescue.password-title"));
        var field = new TextField(Texts.get("server.rescue.root-password"));
        field.setId("rescue-root-password");
        field.setValue(password);
        field.setReadOnly(true);
        field.setWidthFull();
        dialog.add(new Paragraph(Texts.get("server.rescue.copy-now")), field);
        var done = new Button(Texts.get("server.rescue.copied"), e -> dialog.close());
        done.setId("close-rescue-password");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }
}
