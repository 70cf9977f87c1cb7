package com.virtpanel.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PanelUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    PanelUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public PanelUser loadUserByUsername(String email) {
        return accounts.findByEmailIgnoreCase(email.trim())
                .map(PanelUserDetailsService::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    static PanelUser toUser(Account account) {
        return new PanelUser(account.getId(), account.getEmail(), account.getPasswordHash(), account.getRole(),
                account.getStatus() == AccountStatus.ACTIVE);
    }
}
