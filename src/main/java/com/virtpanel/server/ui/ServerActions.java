package com.virtpanel.server.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.virtpanel.server.AllowedActions;
import com.virtpanel.server.ServerAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * The buttons of a server, each enabled only when the server service allows the action now.
 * After "Shut down", "Force off" is offered once the guest has had a fair chance to stop on its own.
 */
class ServerActions extends FlexLayout {

    static final Duration FORCE_OFF_AFTER = Duration.ofSeconds(20);

    final Button start = button("start", Texts.get("server.server-actions.start"), VaadinIcon.PLAY);
    final Button shutdown = button("shutdown", Texts.get("server.server-actions.shut-down"), VaadinIcon.POWER_OFF);
    final Button forceOff = button("force-off", Texts.get("server.server-actions.force-off"), VaadinIcon.PLUG);
    final Button reboot = button("reboot", Texts.get("server.server-actions.reboot"), VaadinIcon.REFRESH);
    final Button reset = button("reset", Texts.get("server.server-actions.reset"), VaadinIcon.BOLT);
    final Button powerOff = button("poweroff", Texts.get("server.server-actions.power-off"), VaadinIcon.STOP);
    final Button reinstall = button("reinstall", Texts.get("server.server-actions.reinstall"), VaadinIcon.DOWNLOAD);
    final Button resetPassword = button("reset-password", Texts.get("server.server-actions.reset-root-password"), VaadinIcon.KEY);
    final Button addSshKey = button("add-ssh-key", Texts.get("server.server-actions.add-ssh-key"), VaadinIcon.PLUS);
    final Button changePlan = button("change-plan", Texts.get("server.guest-dialogs.change-plan2"), VaadinIcon.ARROWS_LONG_UP);
    final Button delete = button("delete", Texts.get("server.server-actions.delete"), VaadinIcon.TRASH);
    private final Anchor console;
    /** Inside the link, so the console looks like the other actions but opens its own tab. */
    private final Button consoleButton = new Button(Texts.get("server.server-actions.console"), VaadinIcon.DESKTOP.create());
    private Instant shutdownRequested;

    ServerActions(long serverId) {
        console = new Anchor("servers/" + serverId + "/console", "");
        consoleButton.setTabIndex(-1); // the link takes the focus, once
        console.add(consoleButton);
        console.setTarget("_blank");
        console.setId("open-console");
        console.getElement().setAttribute("router-ignore", true);
        forceOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-s)");
        add(start, shutdown, forceOff, reboot, reset, powerOff, reinstall, resetPassword, addSshKey, changePlan, delete, console);
    }

    void shutdownRequested(Instant at) {
        shutdownRequested = at;
    }

    /**
     * Enables what the server service allows now; a disabled button says why in its tooltip.
     * The view adds only its own timing: after "Shut down", "Force off" once the guest has had
     * a fair chance to stop on its own.
     */
    void update(AllowedActions allowed, Clock clock) {
        if (!allowed.allowed(ServerAction.SHUTDOWN)) {
            shutdownRequested = null; // stopped, busy, or not this caller's to press
        }
        set(start, allowed, ServerAction.START);
        set(shutdown, allowed, ServerAction.SHUTDOWN);
        if (shutdownRequested != null && shutdown.isEnabled()) {
            shutdown.setEnabled(false);
            shutdown.setTooltipText(Texts.get("server.server-actions.shutdown-requested-server-stops"));
        }
        forceOff.setVisible(shutdownRequested != null && clock.instant().isAfter(shutdownRequested.plus(FORCE_OFF_AFTER)));
        set(forceOff, allowed, ServerAction.POWER_OFF);
        set(reboot, allowed, ServerAction.REBOOT);
        set(reset, allowed, ServerAction.RESET);
        set(powerOff, allowed, ServerAction.POWER_OFF);
        set(reinstall, allowed, ServerAction.REINSTALL);
        set(resetPassword, allowed, ServerAction.RESET_PASSWORD);
        set(addSshKey, allowed, ServerAction.ADD_SSH_KEY);
        set(changePlan, allowed, ServerAction.CHANGE_PLAN);
        set(delete, allowed, ServerAction.DELETE);
        boolean console = allowed.allowed(ServerAction.CONSOLE);
        this.console.setEnabled(console);
        consoleButton.setEnabled(console);
        this.console.setVisible(console);
    }

    private static void set(Button button, AllowedActions allowed, ServerAction action) {
        button.setEnabled(allowed.allowed(action));
        String reason = Texts.get(allowed.reason(action));
        // A tooltip is an element of its own in the browser: made only for a button that has a reason to show.
        if (reason != null || button.getTooltip() != null) {
            button.setTooltipText(reason);
        }
    }

    void on(Button button, LongConsumer action, long id) {
        button.addClickListener(e -> action.accept(id));
    }

    private static Button button(String id, String label, VaadinIcon icon) {
        var b = new Button(label, icon.create());
        b.setId(id);
        return b;
    }
}
