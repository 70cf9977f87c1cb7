package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.virtpanel.account.AccountService;
import com.virtpanel.base.PanelException;

class PasswordPanel extends VerticalLayout {

    /** {@code afterChange}: a new password ends other sessions and tokens, so lists shown beside it refresh. */
    PasswordPanel(AccountService accounts, Runnable afterChange) {
        setPadding(false);
        var current = new PasswordField("Current password");
        current.setId("current-password");
        var fresh = new PasswordField("New password");
        fresh.setId("new-password");
        fresh.setHelperText("At least 10 characters, letters and a digit or symbol.");
        var change = new Button("Change password", e -> {
            try {
                accounts.changePassword(current.getValue(), fresh.getValue());
                current.clear();
                fresh.clear();
                Notifications.ok("Password changed. Other sessions are signed out and API tokens revoked.");
                afterChange.run();
            } catch (PanelException ex) {
                Notifications.error(ex.userMessage());
            }
        });
        change.setId("change-password");
        add(new H3("Password"), current, fresh, change);
    }
}
