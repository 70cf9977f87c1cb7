package com.virtpanel.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the first admin when there is none. Without a configured password one is generated
 * and printed exactly once, here; it is never stored in clear anywhere.
 */
@Component
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AccountService accounts;
    private final AdminProperties properties;

    InitialAdmin(AccountService accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        String email = properties.email() == null || properties.email().isBlank()
                ? "admin@virtpanel.local" : properties.email();
        boolean generated = properties.password() == null || properties.password().isBlank();
        String password = generated ? generatePassword() : properties.password();
        try {
            accounts.createInitialAdmin(email, password);
        } catch (com.virtpanel.base.InvalidInputException e) {
            throw new IllegalStateException("panel.admin." + e.field() + " (PANEL_ADMIN_" + e.field().toUpperCase() + "): "
                    + e.userMessage());
        }
        if (generated) {
            // Printed on stdout, not through the logger, so it does not end up in log files.
            System.out.println();
            System.out.println("  Virtpanel admin login: " + email + " / " + password);
            System.out.println("  (generated once; set PANEL_ADMIN_PASSWORD to choose your own)");
            System.out.println();
        } else {
            log.info("Seeded admin account {}", email);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-7";
    }
}
