package com.virtpanel.account.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.SessionService;
import com.virtpanel.account.SshKeyService;
import jakarta.annotation.security.PermitAll;

/** The signed-in user's own account: password, sessions, SSH keys, API tokens. */
@Route("account")
@PageTitle("Account · Virtpanel")
@Menu(title = "Account", order = 20, icon = "vaadin:user")
@PermitAll
public class AccountView extends VerticalLayout {

    public AccountView(AccountService accounts, SshKeyService sshKeys, ApiTokenService tokens, SessionService sessions) {
        addClassName("page");
        var me = accounts.me();
        var who = new Paragraph("Signed in as " + me.email() + " (" + me.role().name().toLowerCase() + ")");
        who.setId("account-email");
        var apiTokens = new ApiTokensPanel(tokens);
        var sessionList = new SessionsPanel(sessions);
        // A new password ends the other sessions and every token: both lists are read again.
        var password = new PasswordPanel(accounts, () -> {
            apiTokens.refresh();
            sessionList.refresh();
        });
        add(new H2("Account"), who, new SshKeysPanel(sshKeys), apiTokens, password, sessionList);
    }
}
