package com.virtpanel.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.virtpanel.account.AccountService;
import com.virtpanel.base.Messages;
import com.virtpanel.base.ui.Texts;
import java.util.Locale;

/**
 * The language of the panel and of the account's mail. Saved on the account, then the page
 * reloads so every text (menu, titles, open grids) is rebuilt in the new language at once.
 */
class LanguagePanel extends VerticalLayout {

    LanguagePanel(AccountService accounts) {
        setPadding(false);
        var choice = new RadioButtonGroup<Locale>(Texts.get("account.language.label"));
        choice.setId("language");
        choice.setItems(Messages.LANGUAGES);
        // each language by its own name, so a reader who does not know the current one still finds theirs
        choice.setItemLabelGenerator(language -> Messages.get(language, "language." + language.getLanguage()));
        choice.setValue(Texts.locale());
        choice.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            accounts.changeLanguage(change.getValue().getLanguage());
            UI ui = UI.getCurrent();
            ui.setLocale(change.getValue());
            ui.getPage().reload();
        });
        add(new H3(Texts.get("account.language.title")), choice);
    }
}
