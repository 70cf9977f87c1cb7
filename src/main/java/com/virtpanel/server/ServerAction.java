package com.virtpanel.server;

import static com.virtpanel.server.ServerStatus.REBOOTING;
import static com.virtpanel.server.ServerStatus.RUNNING;
import static com.virtpanel.server.ServerStatus.STOPPED;

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
    SHUTDOWN("shut down", null, RUNNING, REBOOTING),
    REBOOT("reboot", null, RUNNING, REBOOTING),
    RESET("reset", null, RUNNING, REBOOTING),
    POWER_OFF("power off", null, RUNNING, REBOOTING),
    REINSTALL("reinstall", null, RUNNING, STOPPED, REBOOTING),
    /** Offline, with libguestfs: the tools know Linux filesystems only. */
    RESET_PASSWORD("reset the root password of", "Resetting the root password", RUNNING, STOPPED, REBOOTING),
    ADD_SSH_KEY("add an SSH key to", "Adding an SSH key", STOPPED),
    CHANGE_PLAN("change the plan of", null, RUNNING, STOPPED, REBOOTING),
    /** In any status (a failed server is deleted, too): only an operation in progress holds it up. */
    DELETE("delete", null, EnumSet.allOf(ServerStatus.class)),
    /** Boot from an ISO (attached as a CD-ROM); a stopped server is started from it. */
    BOOT_ISO("boot from an ISO", null, RUNNING, STOPPED, REBOOTING),
    /** Only with an ISO attached (see ServerAccess#require). */
    EJECT_ISO("eject the ISO of", null, RUNNING, STOPPED, REBOOTING),
    /** The console is a keyboard on a running guest (the rescue system's, too). */
    CONSOLE("open the console of", null, RUNNING, REBOOTING, ServerStatus.RESCUE),
    RESCUE("boot into rescue", null, RUNNING, STOPPED, REBOOTING),
    LEAVE_RESCUE("leave rescue mode on", null, ServerStatus.RESCUE);

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
    String refusal(ServerStatus status, BooleanSupplier linux) {
        return refusal(status, linux, true);
    }

    /** The same, knowing whether the server has an ISO attached (which only ejecting asks). */
    String refusal(ServerStatus status, BooleanSupplier linux, boolean isoAttached) {
        if (!permits(status)) {
            if (this == LEAVE_RESCUE) {
                return "The server is not in rescue mode.";
            }
            if (status == ServerStatus.RESCUE) {
                return "The server is in rescue mode: leave rescue first.";
            }
            if (this == ADD_SSH_KEY) {
                return "Keys are added to a stopped server: shut it down first.";
            }
            return "You cannot " + verb + " this server now: " + state(status) + ".";
        }
        if (linuxOnly != null && !linux.getAsBoolean()) {
            return linuxOnly + " works for Linux servers only.";
        }
        if (this == EJECT_ISO && !isoAttached) {
            return "No ISO is attached.";
        }
        return null;
    }

    private static String state(ServerStatus status) {
        return switch (status) {
            case RUNNING -> "it is running";
            case STOPPED -> "it is stopped";
            case FAILED -> "its last operation failed";
            default -> "it is " + status.label().toLowerCase();
        };
    }
}
