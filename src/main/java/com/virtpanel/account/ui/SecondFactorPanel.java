package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
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
        add(new H3(Texts.get("account.second-factor-panel.two-factor-authentication")), body);
        showStatus();
    }

    private void showStatus() {
        body.removeAll();
        var status = secondFactors.status();
        var state = new Paragraph();
        state.setId("two-factor-state");
        if (!status.enabled()) {
            state.setText(Texts.get("account.second-factor-panel.off-with-signing-also"));
            var start = new Button(Texts.get("account.second-factor-panel.set-up-authenticator-app"), e -> startEnrolment());
            start.setId("totp-start");
            body.add(state, start);
            return;
        }
        state.setText(Texts.get("account.second-factor-panel.signing-asks-code-from")
                + status.recoveryCodesLeft() + ".");
        var proof = new PasswordField(Texts.get("account.second-factor-panel.current-code-recovery-code"));
        proof.setId("totp-disable-code");
        var off = new Button(Texts.get("account.second-factor-panel.turn-off"), e -> act(() -> {
            secondFactors.disable(proof.getValue());
            Notifications.ok(Texts.get("account.second-factor-panel.two-factor-authentication-off"));
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
            var qr = new Image(QrCodes.svgDataUri(enrolment.uri()), Texts.get("account.second-factor-panel.qr-code-authenticator-app"));
            qr.setId("totp-qr");
            qr.setWidth("200px");
            qr.setHeight("200px");
            var key = new Paragraph(enrolment.secret());
            key.setId("totp-secret");
            key.getStyle().set("font-family", "monospace");
            var code = new TextField(Texts.get("account.second-factor-panel.code-from-app"));
            code.setId("totp-confirm-code");
            code.setMaxLength(10);
            var confirm = new Button(Texts.get("account.second-factor-panel.turn"), e -> act(() -> showRecoveryCodes(secondFactors.confirmEnrolment(code.getValue()))));
            confirm.setId("totp-confirm");
            var row = new HorizontalLayout(code, confirm);
            row.setAlignItems(Alignment.BASELINE);
            body.add(new Paragraph(Texts.get("account.second-factor-panel.scan-qr-code-with")
                    + Texts.get("account.second-factor-panel.then-enter-6-digit")), qr, key, row);
        });
    }

    private void showRecoveryCodes(java.util.List<String> codes) {
        Notifications.ok(Texts.get("account.second-factor-panel.two-factor-authentication2"));
        showStatus();
        var list = new UnorderedList();
        list.setId("recovery-codes");
        list.getStyle().set("font-family", "monospace");
        codes.forEach(c -> list.add(new ListItem(c)));
        body.add(new Paragraph(Texts.get("account.second-factor-panel.keep-these-recovery-codes")
                + Texts.get("account.second-factor-panel.phone-they-are-shown")), list);
    }

    private static void act(Runnable action) {
        try {
            action.run();
        } catch (PanelException ex) {
            Notifications.error(Texts.of(ex));
        }
    }
}
