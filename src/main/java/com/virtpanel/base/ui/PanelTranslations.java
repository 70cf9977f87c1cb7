package com.virtpanel.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.virtpanel.base.Messages;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations, from the panel's one pair of bundles ({@link Messages}). Vaadin picks
 * a new UI's locale from the browser's languages among {@link #getProvidedLocales()} (English
 * when none matches); a signed-in account's own language then overrides it.
 */
@Component
class PanelTranslations implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Messages.get(locale, key, params);
    }
}
