package com.virtpanel.account;

import com.virtpanel.base.SkipsCallerCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where and in which language to mail an account, for modules that send it notices. */
@SkipsCallerCheck
@Component
public class MailRecipients {

    private final AccountRepository accounts;

    MailRecipients(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public record Recipient(long accountId, String email, String language, boolean staff) {
    }

    @Transactional(readOnly = true)
    public Optional<Recipient> of(long accountId) {
        return accounts.findById(accountId).map(a -> new Recipient(a.getId(), a.getEmail(), a.getLanguage(), a.getRole().isStaff()));
    }
}
