package com.virtpanel.account;

/** Facts other modules react to (audit, suspending servers, closing consoles). */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record SignedUp(long accountId, String email) {
    }

    public record StaffCreated(long accountId, String email, Role role) {
    }

    public record PasswordChanged(long accountId) {
    }

    public record Suspended(long accountId, String email) {
    }

    public record Unsuspended(long accountId, String email) {
    }

    public record SshKeyAdded(long accountId, String fingerprint) {
    }

    public record SshKeyRemoved(long accountId, String fingerprint) {
    }
}
