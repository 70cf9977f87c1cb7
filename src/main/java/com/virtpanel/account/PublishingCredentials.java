package com.virtpanel.account;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The passkey store, publishing {@link AccountEvents.SecondFactorChanged} when a passkey is added.
 * Saving an existing credential (its counter and last use, at every passkey sign-in) is no change.
 */
class PublishingCredentials implements UserCredentialRepository {

    private final UserCredentialRepository store;
    private final PublicKeyCredentialUserEntityRepository users;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SecondFactorService> secondFactors;

    PublishingCredentials(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users,
            AccountRepository accounts, ApplicationEventPublisher events, ObjectProvider<SecondFactorService> secondFactors) {
        this.store = store;
        this.users = users;
        this.accounts = accounts;
        this.events = events;
        this.secondFactors = secondFactors;
    }

    @Override
    public void save(CredentialRecord credential) {
        boolean added = store.findByCredentialId(credential.getCredentialId()) == null;
        if (added) {
            // Spring's registration endpoint answers 400 to this; the account page says why.
            secondFactors.getObject().requireMayAddFactor();
        }
        store.save(credential);
        if (added) {
            var user = users.findById(credential.getUserEntityUserId());
            if (user != null) {
                accounts.findByEmailIgnoreCase(user.getName()).ifPresent(account ->
                        events.publishEvent(new AccountEvents.SecondFactorChanged(account.getId(), "passkey-added")));
            }
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        store.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.findByUserId(userId);
    }
}
