package com.virtpanel.support;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an audit row records. The code is what is stored; the label is what people read. */
public enum AuditAction {
    LOGIN("login", "Signed in"),
    LOGIN_FAILED("login.failed", "Failed sign-in"),
    LOGOUT("logout", "Signed out"),
    IMPERSONATION_STARTED("impersonation.started", "Started acting as the customer"),
    IMPERSONATION_ENDED("impersonation.ended", "Stopped acting as the customer"),
    SIGNED_UP("account.signed-up", "Signed up"),
    STAFF_CREATED("account.staff-created", "Staff account created"),
    PASSWORD_CHANGED("account.password-changed", "Password changed"),
    PASSWORD_RESET("account.password-reset", "Password reset by mailed link"),
    EMAIL_VERIFIED("account.email-verified", "Email address confirmed"),
    SECOND_FACTOR_CHANGED("account.second-factor-changed", "Two-factor authentication changed"),
    ACCOUNT_SUSPENDED("account.suspended", "Account suspended"),
    ACCOUNT_UNSUSPENDED("account.unsuspended", "Account unsuspended"),
    SSH_KEY_ADDED("account.ssh-key-added", "SSH key added"),
    SSH_KEY_REMOVED("account.ssh-key-removed", "SSH key removed"),
    SERVER_ORDERED("server.ordered", "Server ordered"),
    SERVER_PROVISIONED("server.provisioned", "Server set up"),
    SERVER_START("server.start", "Server started"),
    SERVER_SHUTDOWN("server.shutdown", "Server shut down"),
    SERVER_REBOOT("server.reboot", "Server rebooted"),
    SERVER_RESET("server.reset", "Server reset"),
    SERVER_POWEROFF("server.poweroff", "Server powered off"),
    SERVER_POWER_OTHER("server.power", "Power action"),
    SERVER_REINSTALL_REQUESTED("server.reinstall", "Reinstall requested"),
    SERVER_REINSTALLED("server.reinstalled", "Server reinstalled"),
    SERVER_DELETE_REQUESTED("server.delete", "Deletion requested"),
    SERVER_DELETED("server.deleted", "Server deleted"),
    SERVER_OPERATION_FAILED("server.operation-failed", "Server operation failed"),
    SERVER_PLAN_CHANGED("server.plan-changed", "Server plan changed"),
    PLAN_CREATED("catalog.plan-created", "Plan created"),
    PLAN_CHANGED("catalog.plan-changed", "Plan changed"),
    PLAN_RETIRED("catalog.plan-retired", "Plan retired"),
    PLAN_DELETED("catalog.plan-deleted", "Plan deleted"),
    IMAGE_REGISTERED("catalog.image-registered", "Image registered"),
    IMAGE_ENABLED("catalog.image-enabled", "Image enabled"),
    IMAGE_DISABLED("catalog.image-disabled", "Image disabled"),
    SERVER_ROOT_PASSWORD_RESET_REQUESTED("server.root-password-reset", "Root password reset requested"),
    SERVER_ROOT_PASSWORD_RESET("server.root-password-set", "Root password set"),
    SERVER_SSH_KEY_ADD_REQUESTED("server.ssh-key-add", "SSH key addition requested"),
    SERVER_SSH_KEY_ADDED("server.ssh-key-added", "SSH key added to the server"),
    SERVER_PLAN_CHANGE_REQUESTED("server.plan-change", "Plan change requested"),
    SERVER_ISO_BOOT_REQUESTED("server.iso-boot", "Boot from ISO requested"),
    SERVER_ISO_BOOTED("server.iso-booted", "Server booted from ISO"),
    SERVER_ISO_EJECT_REQUESTED("server.iso-eject", "ISO eject requested"),
    SERVER_ISO_EJECTED("server.iso-ejected", "ISO ejected"),
    ISO_REGISTERED("catalog.iso-registered", "ISO added"),
    ISO_REMOVED("catalog.iso-removed", "ISO removed"),
    PLAN_CUSTOMER_ISO_CHANGED("catalog.plan-customer-iso", "Own ISOs for a plan changed"),
    SERVER_RESCUE_REQUESTED("server.rescue", "Rescue boot requested"),
    SERVER_RESCUE_STARTED("server.rescue-started", "Rescue system running"),
    SERVER_LEAVE_RESCUE_REQUESTED("server.leave-rescue", "Leaving rescue requested"),
    SERVER_RESCUE_ENDED("server.rescue-ended", "Rescue mode ended"),
    CONSOLE_OPENED("console.opened", "Console opened"),
    CONSOLE_CLOSED("console.closed", "Console closed"),
    LIMITS_REPAIRED("quota.limits-repaired", "Limits repaired"),
    THROTTLED("quota.throttled", "Throttled"),
    UNTHROTTLED("quota.unthrottled", "Throttling lifted"),
    BACKUP_REQUESTED("backup.requested", "Backup requested"),
    BACKUP_MADE("backup.made", "Backup made"),
    BACKUP_FAILED("backup.failed", "Backup failed"),
    BACKUP_DELETED("backup.deleted", "Backup deleted"),
    SERVER_RESTORE_REQUESTED("server.restore", "Restore from a backup requested"),
    SERVER_RESTORED("server.restored", "Server restored from a backup");

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The label for a stored code; codes written by older versions show as themselves. */
    public static String labelOf(String code) {
        AuditAction action = BY_CODE.get(code);
        return action == null ? code : action.label;
    }

    static AuditAction power(String action) {
        return switch (action == null ? "" : action) {
            case "start" -> SERVER_START;
            case "shutdown" -> SERVER_SHUTDOWN;
            case "reboot" -> SERVER_REBOOT;
            case "reset" -> SERVER_RESET;
            case "poweroff" -> SERVER_POWEROFF;
            default -> SERVER_POWER_OTHER;
        };
    }
}
