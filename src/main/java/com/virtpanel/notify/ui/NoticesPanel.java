package com.virtpanel.notify.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.AccountPageSection;
import com.virtpanel.notify.NoticePreferences;
import java.util.Locale;

/** "Email notices" on the account page: a checkbox per optional notice, saved at once. */
@org.springframework.stereotype.Component
class NoticesPanel implements AccountPageSection {

    private final NoticePreferences preferences;

    NoticesPanel(NoticePreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Component section() {
        var panel = new VerticalLayout(new H3(Texts.get("notify.notices-panel.email-notices")),
                new Paragraph(Texts.get("notify.notices-panel.mails-about-account-itself")));
        panel.setPadding(false);
        panel.setId("email-notices");
        preferences.mine().forEach((notice, enabled) -> {
            var box = new Checkbox(Texts.get("notice." + notice.template()), enabled);
            box.setId("notice-" + notice.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    preferences.set(notice, e.getValue());
                } catch (PanelException ex) {
                    // the panel's one error path (ErrorNotifications) shows the message
                    box.setValue(e.getOldValue());
                    throw ex;
                }
            });
            panel.add(box);
        });
        return panel;
    }
}
