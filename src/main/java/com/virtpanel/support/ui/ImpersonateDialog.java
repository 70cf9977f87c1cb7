package com.virtpanel.support.ui;

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
        setHeaderTitle("Act as " + customer.email());
        var reason = new TextArea("Reason");
        reason.setId("impersonation-reason");
        reason.setRequired(true);
        reason.setMaxLength(MAX_REASON);
        reason.setWidthFull();
        reason.setPlaceholder("Ticket number and what you are going to check");
        var readOnly = new Checkbox("Read-only (look, but do not change anything)");
        readOnly.setId("impersonation-read-only");
        // Support looks first and changes only when they mean to; admins start from read-write.
        readOnly.setValue(!admin);
        var note = new Paragraph("The customer sees this visit, its reason and everything you do on their account activity page.");
        note.addClassName("muted");
        add(note, reason, readOnly);

        var start = new Button("Act as customer", e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Enter the reason for this visit.");
                reason.setInvalid(true);
                return;
            }
            switchForm.submit(Map.of(Impersonation.USERNAME, customer.email(), Impersonation.REASON, reason.getValue().strip(),
                    Impersonation.READ_ONLY, Boolean.toString(readOnly.getValue())));
        });
        start.setId("start-impersonation");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, start);
        setWidth("32em");
    }
}
