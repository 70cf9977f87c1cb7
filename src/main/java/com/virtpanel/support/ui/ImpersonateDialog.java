package com.virtpanel.support.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.support.Impersonation;
import java.util.Map;

/**
 * Asks for the reason (required, shown to the customer) and, for admins, whether the session is
 * read-only, then posts the switch so the browser reloads as the customer.
 */
class ImpersonateDialog extends Dialog {

    static final int MAX_REASON = 500;

    ImpersonateDialog(AccountSummary customer, boolean admin, PostForm switchForm) {
        setHeaderTitle(Texts.get("support.impersonate-dialog.act-as") + customer.email());
        var reason = new TextArea(Texts.get("support.audit-view.reason"));
        reason.setId("impersonation-reason");
        reason.setRequired(true);
        reason.setMaxLength(MAX_REASON);
        reason.setWidthFull();
        reason.setPlaceholder(Texts.get("support.impersonate-dialog.ticket-number-what-are"));
        var readOnly = new Checkbox(Texts.get("support.impersonate-dialog.read-only-look-but"));
        readOnly.setId("impersonation-read-only");
        // Support looks first and changes only when they mean to; admins start from read-write.
        readOnly.setValue(!admin);
        var note = new Paragraph(Texts.get("support.impersonate-dialog.customer-sees-visit-its"));
        note.addClassName("muted");
        add(note, reason, readOnly);

        var start = new Button(Texts.get("support.customers-view.act-as-customer"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(Texts.get("support.impersonate-dialog.enter-reason-visit"));
                reason.setInvalid(true);
                return;
            }
            switchForm.submit(Map.of(Impersonation.USERNAME, customer.email(), Impersonation.REASON, reason.getValue().strip(),
                    Impersonation.READ_ONLY, Boolean.toString(readOnly.getValue())));
        });
        start.setId("start-impersonation");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(Texts.get("support.impersonate-dialog.cancel"), e -> close());
        getFooter().add(cancel, start);
        setWidth("32em");
    }
}
