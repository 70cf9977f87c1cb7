package com.virtpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    final MailTemplates templates = new MailTemplates();

    @Test
    void aTemplateIsRenderedInTheAccountsLanguageWithItsParameters() {
        var ru = templates.render("password-reset", "ru", Map.of("link", "https://p.example/x?token=1", "minutes", "30"));
        assertThat(ru.subject()).isEqualTo("Сброс пароля Virtpanel");
        assertThat(ru.text()).contains("https://p.example/x?token=1").contains("30 мин");
        var en = templates.render("password-reset", "en", Map.of("link", "https://p.example/x", "minutes", "30"));
        assertThat(en.subject()).isEqualTo("Reset your Virtpanel password");
        assertThat(en.html()).contains("<a href=\"https://p.example/x\">");
    }

    @Test
    void anUnknownLanguageFallsBackToEnglishAndParametersAreEscapedInHtml() {
        var mail = templates.render("email-verification", "de", Map.of("link", "https://p.example/?a=1&b=<2>", "hours", "48"));
        assertThat(mail.subject()).startsWith("Confirm your email");
        assertThat(mail.html()).contains("https://p.example/?a=1&amp;b=&lt;2&gt;").doesNotContain("<2>");
        assertThat(mail.text()).contains("https://p.example/?a=1&b=<2>");
    }

    @Test
    void anUnknownTemplateIsRefused() {
        assertThat(templates.exists("no-such-mail")).isFalse();
        assertThatThrownBy(() -> templates.render("no-such-mail", "en", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplateWithoutItsOwnHtmlGetsItsTextAsEscapedParagraphs() {
        var mail = templates.render("staff-visit", "ru", Map.of("reason", "<b>ticket</b>", "mode", "read-only"));
        assertThat(mail.subject()).isEqualTo("Служба поддержки открыла вашу учётную запись Virtpanel");
        assertThat(mail.html()).startsWith("<p>Здравствуйте!</p>").contains("&lt;b&gt;ticket&lt;/b&gt;").doesNotContain("<b>");
        assertThat(mail.text()).contains("<b>ticket</b>");
    }
}
