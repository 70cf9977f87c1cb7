package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in customer's saved SSH public keys. */
@Service
@Transactional
public class SshKeyService {

    private final SshKeyRepository keys;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SshKeyService(SshKeyRepository keys, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SshKeyInfo> mine() {
        return keys.findByAccountIdOrderByCreatedAt(currentUser.require().accountId()).stream().map(SshKey::info).toList();
    }

    public SshKeyInfo add(String name, String publicKey) {
        Actor actor = currentUser.requireMayChange();
        SshPublicKey key = SshPublicKey.parse("publicKey", publicKey);
        String label = name == null || name.isBlank() ? defaultName(key) : name.trim();
        if (label.length() > 100) {
            throw new InvalidInputException("name", UserMessage.of("error.account.name-can-have-at-most"));
        }
        if (keys.existsByAccountIdAndFingerprint(actor.accountId(), key.fingerprint())) {
            throw new ConflictException(UserMessage.of("error.account.ssh-key.saved-already", key.fingerprint()));
        }
        SshKey saved = keys.save(new SshKey(actor.accountId(), label, key, clock.instant()));
        events.publishEvent(new AccountEvents.SshKeyAdded(actor.accountId(), key.fingerprint()));
        return saved.info();
    }

    public void remove(long keyId) {
        Actor actor = currentUser.requireMayChange();
        SshKey key = keys.findById(keyId).filter(k -> k.getAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.account.key-not-found")));
        keys.delete(key);
        events.publishEvent(new AccountEvents.SshKeyRemoved(actor.accountId(), key.info().fingerprint()));
    }

    /** Validates key lines given with an order (API or wizard) and returns their canonical form. */
    public List<SshPublicKey> parseAll(String field, List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        if (lines.size() > 20) {
            throw new InvalidInputException(field, UserMessage.of("error.account.at-most-20-ssh-keys"));
        }
        var byFingerprint = new java.util.LinkedHashMap<String, SshPublicKey>();
        lines.stream().map(line -> SshPublicKey.parse(field, line)).forEach(k -> byFingerprint.putIfAbsent(k.fingerprint(), k));
        return List.copyOf(byFingerprint.values());
    }

    private static String defaultName(SshPublicKey key) {
        return key.comment().isBlank() ? key.family() + " key" : key.comment();
    }
}
