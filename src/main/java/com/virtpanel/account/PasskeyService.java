package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.NotFoundException;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * The signed-in person's passkeys: list and remove (adding one is WebAuthn's ceremony in the
 * browser, through Spring Security's endpoints). A passkey sign-in counts as both factors.
 */
@Service
public class PasskeyService {

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    PasskeyService(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            CurrentUser currentUser, ApplicationEventPublisher events) {
        this.users = users;
        this.credentials = credentials;
        this.currentUser = currentUser;
        this.events = events;
    }

    public List<PasskeyDetails> mine() {
        var user = users.findByUsername(currentUser.require().email());
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .map(c -> new PasskeyDetails(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .sorted(Comparator.comparing(PasskeyDetails::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    public void remove(String id) {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new ForbiddenException(UserMessage.of("error.account.support-cannot-change-customer-s2"));
        }
        var user = users.findByUsername(actor.email());
        var credential = id == null || id.isBlank() ? null : credentials.findByCredentialId(bytes(id));
        if (user == null || credential == null || !credential.getUserEntityUserId().equals(user.getId())) {
            throw new NotFoundException(UserMessage.of("error.account.passkey-not-found"));
        }
        credentials.delete(credential.getCredentialId());
        events.publishEvent(new AccountEvents.SecondFactorChanged(actor.accountId(), "passkey-removed"));
    }

    private static Bytes bytes(String base64Url) {
        try {
            return Bytes.fromBase64(base64Url);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(UserMessage.of("error.account.passkey-not-found"));
        }
    }
}
