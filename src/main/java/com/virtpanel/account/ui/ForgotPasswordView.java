package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.PasswordResetService;
import com.virtpanel.base.PanelException;

/**
 * "Forgot password?": asks for the email address and always answers the same, whether or not
 * it has an account, so the page cannot be used to find out who is a customer.
 */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    public ForgotPasswordView(PasswordResetService resets) {
        setAlignItems(Alignment.CENTER);
        var email = new EmailField(Texts.get("account.admin-staff-view.email"));
        email.setId("forgot-email");
        email.setWidth("22em");
        var answer = new Span();
        answer.setId("forgot-answer");
        answer.addClassNames("banner", "banner-info");
        answer.setVisible(false);
        var send = new Button(Texts.get("account.forgot-password-view.send-me-reset-link"));
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            email.setInvalid(false);
            try {
                String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
                long wait = resets.request(email.getValue(), address);
                answer.setText(wait > 0 ? Texts.get("account.email-verification-banner.too-many-requests-try") + wait + Texts.get("account.email-verification-banner.seconds")
                        : Texts.get("account.forgot-password-view.if-account-exists-address")
                                + PasswordResetService.LINK_LIFETIME.toMinutes() + Texts.get("account.forgot-password-view.minutes"));
            } catch (PanelException ex) {
                email.setInvalid(true);
                answer.setText(Texts.of(ex));
            }
            answer.setVisible(true);
        });
        add(new H1(Texts.get("account.forgot-password-view.forgot-password")), new Paragraph(Texts.get("account.forgot-password-view.enter-email-address-account")), email, send, answer,
                new Paragraph(new Anchor("login", Texts.get("account.forgot-password-view.back-sign"))));
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.forgot-password");
    }
}
