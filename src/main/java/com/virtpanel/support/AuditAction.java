package com.virtpanel.support;

import com.virtpanel.base.UserMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an audit row records. The code is what is stored; the label, from the bundles, is what people read. */
public enum AuditAction {
    LOGIN("login"),
    LOGIN_FAILED("login.failed"),
    LOGOUT("logout"),
    IMPERSONATION_STARTED("impersonation.started"),
    IMPERSONATION_ENDED("impersonation.ended"),
    SIGNED_UP("account.signed-up"),
    STAFF_CREATED("account.staff-created"),
    PASSWORD_CHANGED("account.password-changed"),
    PASSWORD_RESET("account.password-reset"),
    EMAIL_VERIFIED("account.email-verified"),
    SECOND_FACTOR_CHANGED("account.second-factor-changed"),
    ACCOUNT_SUSPENDED("account.suspended"),
    ACCOUNT_UNSUSPENDED("account.unsuspended"),
    SSH_KEY_ADDED("account.ssh-key-added"),
    SSH_KEY_REMOVED("account.ssh-key-removed"),
    SERVER_ORDERED("server.ordered"),
    SERVER_PROVISIONED("server.provisioned"),
    SERVER_START("server.start"),
    SERVER_SHUTDOWN("server.shutdown"),
    SERVER_REBOOT("server.reboot"),
    SERVER_RESET("server.reset"),
    SERVER_POWEROFF("server.poweroff"),
    SERVER_POWER_OTHER("server.power"),
    SERVER_REINSTALL_REQUESTED("server.reinstall"),
    SERVER_REINSTALLED("server.reinstalled"),
    SERVER_DELETE_REQUESTED("server.delete"),
    SERVER_DELETED("server.deleted"),
    SERVER_OPERATION_FAILED("server.operation-failed"),
    SERVER_PLAN_CHANGED("server.plan-changed"),
    PLAN_CREATED("catalog.plan-created"),
    PLAN_CHANGED("catalog.plan-changed"),
    PLAN_RETIRED("catalog.plan-retired"),
    PLAN_DELETED("catalog.plan-deleted"),
    IMAGE_REGISTERED("catalog.image-registered"),
    IMAGE_ENABLED("catalog.image-enabled"),
    IMAGE_DISABLED("catalog.image-disabled"),
    SERVER_ROOT_PASSWORD_RESET_REQUESTED("server.root-password-reset"),
    SERVER_ROOT_PASSWORD_RESET("server.root-password-set"),
    SERVER_SSH_KEY_ADD_REQUESTED("server.ssh-key-add"),
    SERVER_SSH_KEY_ADDED("server.ssh-key-added"),
    SERVER_PLAN_CHANGE_REQUESTED("server.plan-change"),
    SERVER_ISO_BOOT_REQUESTED("server.iso-boot"),
    SERVER_ISO_BOOTED("server.iso-booted"),
    SERVER_ISO_EJECT_REQUESTED("server.iso-eject"),
    SERVER_ISO_EJECTED("server.iso-ejected"),
    ISO_REGISTERED("catalog.iso-registered"),
    ISO_REMOVED("catalog.iso-removed"),
    PLAN_CUSTOMER_ISO_CHANGED("catalog.plan-customer-iso"),
    SERVER_RESCUE_REQUESTED("server.rescue"),
    SERVER_RESCUE_STARTED("server.rescue-started"),
    SERVER_LEAVE_RESCUE_REQUESTED("server.leave-rescue"),
    SERVER_RESCUE_ENDED("server.rescue-ended"),
    CONSOLE_OPENED("console.opened"),
    CONSOLE_CLOSED("console.closed"),
    LIMITS_REPAIRED("quota.limits-repaired"),
    THROTTLED("quota.throttled"),
    UNTHROTTLED("quota.unthrottled"),
    FIREWALL_CREATED("network.firewall-created"),
    FIREWALL_CHANGED("network.firewall-changed"),
    FIREWALL_DELETED("network.firewall-deleted"),
    FIREWALL_ATTACHED("network.firewall-attached"),
    FIREWALL_DETACHED("network.firewall-detached"),
    FIREWALL_REPAIRED("network.firewall-repaired"),
    PTR_CHANGED("network.ptr-changed"),
    PTR_REPAIRED("network.ptr-repaired"),
    POOL_ADDED("network.pool-added"),
    POOL_CHANGED("network.pool-changed"),
    HOST_STATE_CHANGED("fleet.host-state-changed"),
    HOST_DOWN("fleet.host-down"),
    HOST_BACK("fleet.host-back"),
    BACKUP_REQUESTED("backup.requested"),
    BACKUP_MADE("backup.made"),
    BACKUP_FAILED("backup.failed"),
    BACKUP_DELETED("backup.deleted"),
    BACKUP_DAMAGED("backup.damaged"),
    SERVER_RESTORE_REQUESTED("server.restore"),
    SERVER_RESTORED("server.restored"),
    SERVER_MIGRATION_REQUESTED("server.migrate"),
    SERVER_MIGRATED("server.migrated");

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What people read, in their language: the bundles' {@code audit.action.<code>}. */
    public UserMessage message() {
        return UserMessage.of("audit.action." + code);
    }

    /** The English label, for logs and tests. */
    public String label() {
        return message().english();
    }

    /** The label for a stored code; codes written by older versions show as themselves. */
    public static UserMessage messageOf(String code) {
        AuditAction action = BY_CODE.get(code);
        return action == null ? UserMessage.literal(code) : action.message();
    }

    public static String labelOf(String code) {
        return messageOf(code).english();
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
