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

    /**
     * The password was set through a mailed reset link (nobody signed in): like a change, it ends
     * every session, remembered login and token of the account.
     */
    public record PasswordReset(long accountId, String email) {
    }

    /** The customer opened the link mailed to them: the address is theirs. */
    public record EmailVerified(long accountId, String email) {
    }

    /**
     * A second factor was turned on or off, or a passkey or the recovery codes changed: like a new
     * password, it ends the account's other sessions, remember-me logins and tokens.
     */
    public record SecondFactorChanged(long accountId, String change) {
    }

    public record Suspended(long accountId, String email) {
    }

    public record Unsuspended(long accountId, String email) {
    }

    public record SshKeyAdded(long accountId, String fingerprint) {
    }

    public record SshKeyRemoved(long accountId, String fingerprint) {
    }

    /**
     * A staff member began acting as a customer (switch-user, with a reason). Published by the
     * support module, but declared here so that modules which may not use support (console) can react.
     */
    public record ImpersonationStarted(long staffAccountId, String staffEmail, long customerAccountId,
            String customerEmail, String reason, boolean readOnly) {
    }

    /** The staff member stopped acting as the customer (exit or sign-out): their consoles must close. */
    public record ImpersonationEnded(long staffAccountId, String staffEmail, long customerAccountId,
            String customerEmail) {
    }
}
