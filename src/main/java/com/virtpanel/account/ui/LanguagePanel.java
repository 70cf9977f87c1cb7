package com.virtpanel.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.virtpanel.account.AccountService;
import com.virtpanel.base.Messages;
import com.virtpanel.base.ui.Texts;
import java.util.Locale;

/**
 * The language of the panel and of the account's mail: one button per language, each named in
 * its own language so a reader who does not know the current one still finds theirs. Saved on
 * the account, then the page reloads so every text (menu, titles, open grids) is rebuilt at once.
 */
class LanguagePanel extends VerticalLayout {

    LanguagePanel(AccountService accounts) {
        setPadding(false);
        setId("language");
        var choices = new HorizontalLayout();
        for (Locale language : Messages.LANGUAGES) {
            var choice = new Button(Messages.get(language, "language." + language.getLanguage()), click -> {
                accounts.changeLanguage(language.getLanguage());
                UI ui = UI.getCurrent();
                ui.setLocale(language);
                ui.getPage().reload();
            });
            choice.setId("language-" + language.getLanguage());
            if (language.equals(Texts.locale())) {
                choice.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            choices.add(choice);
        }
        add(new H3(Texts.get("account.language.title")), new Paragraph(Texts.get("account.language.label")), choices);
    }
}
