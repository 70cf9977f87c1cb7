package com.virtpanel.support;

import com.virtpanel.account.AccountEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Sign-ups, staff accounts, passwords, second factors, suspensions, SSH keys, and staff acting as customers. */
@Component
class AccountAudit {

    private final AuditTrail trail;

    AccountAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.SignedUp e) {
        // Nobody is signed in yet: the new customer is the one acting.
        trail.record(Who.same(new Who.Identity(e.accountId(), e.email())), AuditAction.SIGNED_UP, e.accountId(), null,
                e.email(), null, ClientAddress.current());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.StaffCreated e) {
        trail.record(AuditAction.STAFF_CREATED, e.accountId(), null, e.email(), e.role().name());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.PasswordChanged e) {
        trail.record(AuditAction.PASSWORD_CHANGED, e.accountId(), null, null, null);
    }

    /** Through a mailed link, with nobody signed in: the account's owner is the one acting. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.PasswordReset e) {
        trail.record(Who.same(new Who.Identity(e.accountId(), e.email())), AuditAction.PASSWORD_RESET, e.accountId(), null,
                e.email(), null, ClientAddress.current());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.EmailVerified e) {
        trail.record(Who.same(new Who.Identity(e.accountId(), e.email())), AuditAction.EMAIL_VERIFIED, e.accountId(), null,
                e.email(), null, ClientAddress.current());
    }

    /** The change (e.g. totp-enabled, totp-disabled) goes into the detail column. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.SecondFactorChanged e) {
        trail.record(AuditAction.SECOND_FACTOR_CHANGED, e.accountId(), null, null, e.change());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.Suspended e) {
        trail.record(AuditAction.ACCOUNT_SUSPENDED, e.accountId(), null, e.email(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.Unsuspended e) {
        trail.record(AuditAction.ACCOUNT_UNSUSPENDED, e.accountId(), null, e.email(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.SshKeyAdded e) {
        trail.record(AuditAction.SSH_KEY_ADDED, e.accountId(), null, e.fingerprint(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.SshKeyRemoved e) {
        trail.record(AuditAction.SSH_KEY_REMOVED, e.accountId(), null, e.fingerprint(), null);
    }

    /** Written with both identities from the event: at this moment the switch is not stored yet. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.ImpersonationStarted e) {
        Who who = new Who(new Who.Identity(e.staffAccountId(), e.staffEmail()),
                new Who.Identity(e.customerAccountId(), e.customerEmail()), e.reason(), e.readOnly());
        trail.record(who, AuditAction.IMPERSONATION_STARTED, e.customerAccountId(), null, e.customerEmail(),
                e.readOnly() ? "read-only" : null, ClientAddress.current());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.ImpersonationEnded e) {
        Who current = trail.currentWho();
        Who who = new Who(new Who.Identity(e.staffAccountId(), e.staffEmail()),
                new Who.Identity(e.customerAccountId(), e.customerEmail()), current.reason(), current.readOnly());
        trail.record(who, AuditAction.IMPERSONATION_ENDED, e.customerAccountId(), null, e.customerEmail(), null,
                ClientAddress.current());
    }
}
