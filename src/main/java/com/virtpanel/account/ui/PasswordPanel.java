package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
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
        var current = new PasswordField(Texts.get("account.password-panel.current-password"));
        current.setId("current-password");
        var fresh = new PasswordField(Texts.get("account.password-panel.new-password"));
        fresh.setId("new-password");
        fresh.setHelperText(Texts.get("account.password-panel.at-least-10-characters"));
        var change = new Button(Texts.get("account.password-panel.change-password"), e -> {
            try {
                accounts.changePassword(current.getValue(), fresh.getValue());
                current.clear();
                fresh.clear();
                Notifications.ok(Texts.get("account.password-panel.password-changed-other-sessions"));
                afterChange.run();
            } catch (PanelException ex) {
                Notifications.error(Texts.of(ex));
            }
        });
        change.setId("change-password");
        add(new H3(Texts.get("account.password-panel.password")), current, fresh, change);
    }
}
