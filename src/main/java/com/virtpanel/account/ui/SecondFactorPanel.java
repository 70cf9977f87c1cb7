package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.SecondFactorService;
import com.virtpanel.base.PanelException;

/**
 * "Two-factor authentication" on the account page: set up an authenticator app (QR code or key,
 * then one code to prove it works), see the recovery codes once, or turn it off again.
 */
class SecondFactorPanel extends VerticalLayout {

    private final SecondFactorService secondFactors;
    private final Div body = new Div();

    SecondFactorPanel(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
        setPadding(false);
        setId("two-factor");
        add(new H3("Two-factor authentication"), body);
        showStatus();
    }

    private void showStatus() {
        body.removeAll();
        var status = secondFactors.status();
        var state = new Paragraph();
        state.setId("two-factor-state");
        if (!status.enabled()) {
            state.setText("Off. With it on, signing in also asks for a code from an authenticator app on your phone.");
            var start = new Button("Set up an authenticator app", e -> startEnrolment());
            start.setId("totp-start");
            body.add(state, start);
            return;
        }
        state.setText("On. Signing in asks for a code from your authenticator app. Recovery codes left: "
                + status.recoveryCodesLeft() + ".");
        var proof = new PasswordField("Current code, recovery code or password");
        proof.setId("totp-disable-code");
        var off = new Button("Turn off", e -> act(() -> {
            secondFactors.disable(proof.getValue());
            Notifications.ok("Two-factor authentication is off.");
            showStatus();
        }));
        off.setId("totp-disable");
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var row = new HorizontalLayout(proof, off);
        row.setAlignItems(Alignment.BASELINE);
        body.add(state, row);
    }

    private void startEnrolment() {
        act(() -> {
            var enrolment = secondFactors.startEnrolment();
            body.removeAll();
            var qr = new Image(QrCodes.svgDataUri(enrolment.uri()), "QR code for your authenticator app");
            qr.setId("totp-qr");
            qr.setWidth("200px");
            qr.setHeight("200px");
            var key = new Paragraph(enrolment.secret());
            key.setId("totp-secret");
            key.getStyle().set("font-family", "monospace");
            var code = new TextField("Code from the app");
            code.setId("totp-confirm-code");
            code.setMaxLength(10);
            var confirm = new Button("Turn on", e -> act(() -> showRecoveryCodes(secondFactors.confirmEnrolment(code.getValue()))));
            confirm.setId("totp-confirm");
            var row = new HorizontalLayout(code, confirm);
            row.setAlignItems(Alignment.BASELINE);
            body.add(new Paragraph("Scan this QR code with your authenticator app, or type the key below into it. "
                    + "Then enter the 6-digit code it shows."), qr, key, row);
        });
    }

    private void showRecoveryCodes(java.util.List<String> codes) {
        Notifications.ok("Two-factor authentication is on.");
        showStatus();
        var list = new UnorderedList();
        list.setId("recovery-codes");
        list.getStyle().set("font-family", "monospace");
        codes.forEach(c -> list.add(new ListItem(c)));
        body.add(new Paragraph("Keep these recovery codes somewhere safe: each one signs you in once if you lose "
                + "your phone. They are shown only now."), list);
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (PanelException ex) {
            Notifications.error(ex.userMessage());
        }
    }
}
