package com.virtpanel.mail.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.virtpanel.base.ui.HostPageSection;
import com.virtpanel.mail.MailStatus;

/** The "Mail" part of the admin's host page: SMTP settings (or that there are none) and failed messages. */
@org.springframework.stereotype.Component
class MailHostSection implements HostPageSection {

    private final MailStatus status;

    MailHostSection(MailStatus status) {
        this.status = status;
    }

    @Override
    public Component section() {
        var facts = new Div();
        facts.addClassName("spec-grid");
        var smtp = new Span(status.smtp());
        smtp.setId("mail-smtp");
        var waiting = new Span(Long.toString(status.waiting()));
        waiting.setId("mail-waiting");
        facts.add(muted("SMTP"), smtp, muted(Texts.get("mail.mail-host-section.waiting-sent")), waiting);
        var failed = new Grid<MailStatus.FailedMail>();
        failed.setId("mail-failed");
        failed.addColumn(m -> m.createdAt() == null ? "" : Formats.dateTimeUtc(m.createdAt().toInstant())).setHeader(Texts.get("mail.mail-host-section.queued")).setAutoWidth(true);
        failed.addColumn(MailStatus.FailedMail::recipient).setHeader(Texts.get("mail.mail-host-section.text")).setAutoWidth(true);
        failed.addColumn(MailStatus.FailedMail::template).setHeader(Texts.get("mail.mail-host-section.mail")).setAutoWidth(true);
        failed.addColumn(MailStatus.FailedMail::attempts).setHeader(Texts.get("mail.mail-host-section.attempts")).setAutoWidth(true);
        failed.addColumn(MailStatus.FailedMail::lastError).setHeader(Texts.get("mail.mail-host-section.last-error")).setFlexGrow(1);
        failed.setAllRowsVisible(true);
        var items = status.failed();
        failed.setItems(items);
        var section = new VerticalLayout(new H3(Texts.get("mail.mail-host-section.mail")), facts);
        section.setPadding(false);
        section.setId("mail-section");
        if (items.isEmpty()) {
            section.add(new Paragraph(Texts.get("mail.mail-host-section.no-failed-messages")));
        } else {
            section.add(new Paragraph(Texts.get("mail.mail-host-section.messages-given-up-after")), failed);
        }
        return section;
    }

    private static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
