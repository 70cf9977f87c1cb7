package com.virtpanel.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.server.ServerView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * The power buttons of a server, each enabled only when it makes sense. After "Shut down",
 * "Force off" is offered once the guest has had a fair chance to stop on its own.
 */
class ServerActions extends FlexLayout {

    static final Duration FORCE_OFF_AFTER = Duration.ofSeconds(20);

    final Button start = button("start", "Start", VaadinIcon.PLAY);
    final Button shutdown = button("shutdown", "Shut down", VaadinIcon.POWER_OFF);
    final Button forceOff = button("force-off", "Force off", VaadinIcon.PLUG);
    final Button reboot = button("reboot", "Reboot", VaadinIcon.REFRESH);
    final Button reset = button("reset", "Reset", VaadinIcon.BOLT);
    final Button powerOff = button("poweroff", "Power off", VaadinIcon.STOP);
    final Button reinstall = button("reinstall", "Reinstall", VaadinIcon.DOWNLOAD);
    final Button resetPassword = button("reset-password", "Reset root password", VaadinIcon.KEY);
    final Button addSshKey = button("add-ssh-key", "Add SSH key", VaadinIcon.PLUS);
    final Button changePlan = button("change-plan", "Change plan", VaadinIcon.ARROWS_LONG_UP);
    final Button delete = button("delete", "Delete", VaadinIcon.TRASH);
    private final Anchor console;
    /** Inside the link, so the console looks like the other actions but opens its own tab. */
    private final Button consoleButton = new Button("Console", VaadinIcon.DESKTOP.create());
    private Instant shutdownRequested;
    private boolean readOnly;

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

    /** A read-only support session sees the buttons but cannot press them. */
    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    void shutdownRequested(Instant at) {
        shutdownRequested = at;
    }

    void update(ServerView s, Clock clock) {
        ServerStatus status = s.status();
        boolean settled = !s.busy();
        // an operation in progress (a password reset of a "rebooting" server) leaves nothing to press
        boolean running = settled && (status == ServerStatus.RUNNING || status == ServerStatus.REBOOTING);
        if (!running) {
            shutdownRequested = null;
        }
        start.setEnabled(settled && status == ServerStatus.STOPPED);
        shutdown.setEnabled(running && shutdownRequested == null);
        forceOff.setVisible(running && shutdownRequested != null
                && clock.instant().isAfter(shutdownRequested.plus(FORCE_OFF_AFTER)));
        reboot.setEnabled(running);
        reset.setEnabled(running);
        powerOff.setEnabled(running);
        reinstall.setEnabled(settled && status != ServerStatus.FAILED);
        resetPassword.setEnabled(running || settled && status == ServerStatus.STOPPED);
        addSshKey.setEnabled(settled && status == ServerStatus.STOPPED);
        addSshKey.setTooltipText(status == ServerStatus.STOPPED ? null : "Shut the server down first");
        changePlan.setEnabled(running || settled && status == ServerStatus.STOPPED);
        delete.setEnabled(settled);
        console.setEnabled(running);
        consoleButton.setEnabled(running);
        console.setVisible(running);
        if (readOnly) {
            for (Button b : new Button[] {start, shutdown, forceOff, reboot, reset, powerOff, reinstall, resetPassword, addSshKey,
                    changePlan, delete}) {
                b.setEnabled(false);
                b.setTooltipText("Read-only support session");
            }
            console.setEnabled(false); // a console is a keyboard on the server
            consoleButton.setEnabled(false);
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
