package com.virtpanel.server;

import static com.virtpanel.server.ServerStatus.REBOOTING;
import static com.virtpanel.server.ServerStatus.RUNNING;
import static com.virtpanel.server.ServerStatus.STOPPED;

import com.virtpanel.base.UserMessage;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What can be done to a server, and in which statuses. The one place these rules live:
 * {@link ServerService} refuses by them, and views and the API ask
 * {@link ServerService#allowedActions} which actions are allowed now and why not.
 */
public enum ServerAction {
    START("start", null, STOPPED),
    SHUTDOWN("shutdown", null, RUNNING, REBOOTING),
    REBOOT("reboot", null, RUNNING, REBOOTING),
    RESET("reset", null, RUNNING, REBOOTING),
    POWER_OFF("poweroff", null, RUNNING, REBOOTING),
    REINSTALL("reinstall", null, RUNNING, STOPPED, REBOOTING),
    /** Offline, with libguestfs: the tools know Linux filesystems only. */
    RESET_PASSWORD("reset-password", "reset-password", RUNNING, STOPPED, REBOOTING),
    ADD_SSH_KEY("add-ssh-key", "add-ssh-key", STOPPED),
    CHANGE_PLAN("change-plan", null, RUNNING, STOPPED, REBOOTING),
    /** In any status (a failed server is deleted, too): only an operation in progress holds it up. */
    DELETE("delete", null, EnumSet.allOf(ServerStatus.class)),
    /** Boot from an ISO (attached as a CD-ROM); a stopped server is started from it. */
    BOOT_ISO("boot-iso", null, RUNNING, STOPPED, REBOOTING),
    /** Only with an ISO attached (see ServerAccess#require). */
    EJECT_ISO("eject-iso", null, RUNNING, STOPPED, REBOOTING),
    /** The console is a keyboard on a running guest (the rescue system's, too). */
    CONSOLE("console", null, RUNNING, REBOOTING, ServerStatus.RESCUE),
    RESCUE("rescue", null, RUNNING, STOPPED, REBOOTING),
    LEAVE_RESCUE("leave-rescue", null, ServerStatus.RESCUE),
    /** Replace the disk by one written from a backup (the backup module checks the backup). */
    RESTORE("restore", null, RUNNING, STOPPED, REBOOTING);

    /** The end of the keys {@code server.action.verb.*} and {@code server.action.linux-only.*}. */
    private final String verb;
    private final String linuxOnly;
    private final Set<ServerStatus> statuses;

    ServerAction(String verb, String linuxOnly, ServerStatus first, ServerStatus... rest) {
        this(verb, linuxOnly, EnumSet.of(first, rest));
    }

    ServerAction(String verb, String linuxOnly, Set<ServerStatus> statuses) {
        this.verb = verb;
        this.linuxOnly = linuxOnly;
        this.statuses = statuses;
    }

    /** Whether a server in this status takes the action (other conditions aside: owner, busy, OS). */
    public boolean permits(ServerStatus status) {
        return statuses.contains(status);
    }

    /**
     * Why a settled server in {@code status} does not take the action, in words for the customer;
     * null when it does. {@code linux} is asked only for the actions that need a Linux guest.
     */
    UserMessage refusal(ServerStatus status, BooleanSupplier linux) {
        return refusal(status, linux, true);
    }

    /** The same, knowing whether the server has an ISO attached (which only ejecting asks). */
    UserMessage refusal(ServerStatus status, BooleanSupplier linux, boolean isoAttached) {
        if (!permits(status)) {
            if (this == LEAVE_RESCUE) {
                return UserMessage.of("server.refusal.not-in-rescue");
            }
            if (status == ServerStatus.RESCUE) {
                return UserMessage.of("server.refusal.in-rescue");
            }
            if (this == ADD_SSH_KEY) {
                return UserMessage.of("server.refusal.keys-need-stopped");
            }
            return UserMessage.of("server.refusal.status", UserMessage.of("server.action.verb." + verb),
                    UserMessage.of("server.refusal.state." + status.apiName()));
        }
        if (linuxOnly != null && !linux.getAsBoolean()) {
            return UserMessage.of("server.refusal.linux-only", UserMessage.of("server.action.linux-only." + linuxOnly));
        }
        if (this == EJECT_ISO && !isoAttached) {
            return UserMessage.of("server.refusal.no-iso");
        }
        return null;
    }
}
