package com.virtpanel.account.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.virtpanel.account.AccountService;
import org.springframework.stereotype.Component;

/**
 * Gives every new UI of a signed-in account the language the account chose. Vaadin has already
 * matched the browser's Accept-Language against the bundles; that stays for anonymous pages and
 * for accounts that never chose.
 */
@Component
class AccountLanguage implements VaadinServiceInitListener {

    private final AccountService accounts;

    AccountLanguage(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> accounts.myLanguage().ifPresent(init.getUI()::setLocale));
    }
}
