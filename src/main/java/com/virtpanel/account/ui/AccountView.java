package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.PasskeyService;
import com.virtpanel.account.SecondFactorService;
import com.virtpanel.account.SessionService;
import com.virtpanel.account.SshKeyService;
import jakarta.annotation.security.PermitAll;

/** The signed-in user's own account: password, two-factor authentication, passkeys, sessions, SSH keys, API tokens. */
@Route("account")
@Menu(title = "menu.account", order = 20, icon = "vaadin:user")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public AccountView(AccountService accounts, SecondFactorService secondFactors, PasskeyService passkeys,
            SshKeyService sshKeys, ApiTokenService tokens, SessionService sessions,
            org.springframework.beans.factory.ObjectProvider<com.virtpanel.base.ui.AccountPageSection> sections) {
        addClassName("page");
        var me = accounts.me();
        var who = new Paragraph(Texts.get("account.account-view.signed-as") + me.email() + " (" + me.role().name().toLowerCase() + ")");
        who.setId("account-email");
        add(new H2(Texts.get("account.account-view.account")), who);
        if (secondFactors.mustUsePasskey()) {
            var notice = new Paragraph(Texts.get("account.account-view.staff-accounts-need-two")
                    + Texts.get("account.account-view.alone-sign-out-sign"));
            notice.setId("two-factor-required");
            add(notice);
        } else if (secondFactors.mustEnrol()) {
            var notice = new Paragraph(Texts.get("account.account-view.staff-accounts-need-two2")
                    + Texts.get("account.account-view.rest-panel"));
            notice.setId("two-factor-required");
            add(notice);
        }
        var apiTokens = new ApiTokensPanel(tokens);
        var sessionList = new SessionsPanel(sessions);
        // A new password ends the other sessions and every token: both lists are read again.
        var password = new PasswordPanel(accounts, () -> {
            apiTokens.refresh();
            sessionList.refresh();
        });
        add(new LanguagePanel(accounts), new SecondFactorPanel(secondFactors), new PasskeysPanel(passkeys), new SshKeysPanel(sshKeys), apiTokens, password,
                sessionList);
        sections.orderedStream().forEach(section -> add(section.section()));
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.account");
    }
}
