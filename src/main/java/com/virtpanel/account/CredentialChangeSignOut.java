package com.virtpanel.account;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new password or a changed second factor means the old credentials may be in someone else's
 * hands: every other session, every remembered browser and every API token of the account ends.
 * The session that made the change stays signed in. On every panel instance: the account's
 * "signed out before" is set too ({@link SignOutMarksStore}). A plain (not after-commit) listener: it runs
 * in the change's transaction, so a change whose tokens could not be revoked is rolled back.
 */
@Component
class CredentialChangeSignOut {

    private final SessionService sessions;
    private final AccountRepository accounts;
    private final SignOutMarksStore marks;

    CredentialChangeSignOut(SessionService sessions, AccountRepository accounts, SignOutMarksStore marks) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.marks = marks;
    }

    @EventListener
    void on(AccountEvents.PasswordChanged event) {
        signOut(event.accountId());
    }

    @EventListener
    void on(AccountEvents.PasswordReset event) {
        signOut(event.accountId());
    }

    @EventListener
    void on(AccountEvents.SecondFactorChanged event) {
        signOut(event.accountId());
    }

    private void signOut(long accountId) {
        accounts.findById(accountId).ifPresent(account -> sessions.endAllButCurrent(accountId, account.getEmail()));
        // Browser sessions held by other panel instances: they see the mark on their next request.
        marks.signOutAllBefore(accountId);
    }
}
