package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Forgot password · Virtpanel")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    public ForgotPasswordView(PasswordResetService resets) {
        setAlignItems(Alignment.CENTER);
        var email = new EmailField("Email");
        email.setId("forgot-email");
        email.setWidth("22em");
        var answer = new Span();
        answer.setId("forgot-answer");
        answer.addClassNames("banner", "banner-info");
        answer.setVisible(false);
        var send = new Button("Send me a reset link");
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            email.setInvalid(false);
            try {
                String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
                long wait = resets.request(email.getValue(), address);
                answer.setText(wait > 0 ? "Too many requests, try again in " + wait + " seconds."
                        : "If an account exists for this address, we have mailed it a link to set a new password. The link works for "
                                + PasswordResetService.LINK_LIFETIME.toMinutes() + " minutes.");
            } catch (PanelException ex) {
                email.setInvalid(true);
                answer.setText(ex.userMessage());
            }
            answer.setVisible(true);
        });
        add(new H1("Forgot your password?"), new Paragraph("Enter the email address of your account."), email, send, answer,
                new Paragraph(new Anchor("login", "Back to sign in")));
    }
}
