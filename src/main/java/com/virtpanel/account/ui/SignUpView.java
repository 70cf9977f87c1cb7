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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.EmailVerificationService;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.security.SignInThrottle;

/** Sign-up for customers: email and a strong password. Then straight to the login page. */
@Route(value = "signup", autoLayout = false)
@AnonymousAllowed
public class SignUpView extends VerticalLayout implements HasDynamicTitle {

    public SignUpView(AccountService accounts, EmailVerificationService verification, SignInThrottle throttle) {
        setAlignItems(Alignment.CENTER);
        var email = new EmailField(Texts.get("account.admin-staff-view.email"));
        email.setId("signup-email");
        email.setWidth("22em");
        var password = new PasswordField(Texts.get("account.password-panel.password"));
        password.setId("signup-password");
        password.setWidth("22em");
        password.setHelperText(Texts.get("account.password-panel.at-least-10-characters"));
        var repeat = new PasswordField(Texts.get("account.sign-up-view.repeat-password"));
        repeat.setId("signup-repeat");
        repeat.setWidth("22em");
        var error = new Span();
        error.setId("signup-error");
        error.addClassNames("banner", "banner-warning");
        error.setVisible(false);
        var create = new Button(Texts.get("account.sign-up-view.create-account"));
        create.setId("signup-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            email.setInvalid(false);
            password.setInvalid(false);
            try {
                if (!password.getValue().equals(repeat.getValue())) {
                    throw new InvalidInputException("repeat", Texts.get("account.reset-password-view.two-passwords-differ"));
                }
                String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
                long wait = throttle.signUpWait(address, email.getValue());
                if (wait > 0) {
                    error.setText(Texts.get("account.sign-in-code-view.too-many-attempts-try") + wait + Texts.get("account.email-verification-banner.seconds"));
                    error.setVisible(true);
                    return;
                }
                throttle.signUpAttempted(address, email.getValue());
                accounts.signUp(email.getValue(), password.getValue(), Texts.locale());
                // what the login page tells them: a link is mailed (and ordering waits for it), or no mail at all
                String next = !verification.asksToConfirm() ? "login?created"
                        : verification.ordersWaitForConfirmation() ? "login?registered" : "login?mailed";
                getUI().ifPresent(ui -> ui.getPage().setLocation(next));
            } catch (PanelException ex) {
                error.setText(Texts.of(ex));
                error.setVisible(true);
                if (ex instanceof InvalidInputException invalid) {
                    switch (invalid.field()) {
                        case "email" -> email.setInvalid(true);
                        case "password" -> password.setInvalid(true);
                        default -> repeat.setInvalid(true);
                    }
                }
            }
        });
        add(new H1(Texts.get("account.sign-up-view.create-account2")), email, password, repeat, error, create,
                new Paragraph(new Anchor("login", Texts.get("account.sign-up-view.already-have-account-sign"))));
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.sign-up");
    }
}
