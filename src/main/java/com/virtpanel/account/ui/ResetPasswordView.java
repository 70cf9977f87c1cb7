package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.PasswordResetService;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;

/** The page a reset link opens: a new password (the same rules as at sign-up), then sign in. */
@Route(value = PasswordResetService.PATH, autoLayout = false)
@PageTitle("Set a new password · Virtpanel")
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final PasswordResetService resets;
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat the new password");
    private final Span error = new Span();
    private final Button save = new Button("Set the new password");
    private final Paragraph invalid = new Paragraph("This reset link is invalid, was used already or has expired.");
    private String token;

    public ResetPasswordView(PasswordResetService resets) {
        this.resets = resets;
        setAlignItems(Alignment.CENTER);
        password.setId("reset-password");
        password.setWidth("22em");
        password.setHelperText("At least 10 characters, letters and a digit or symbol.");
        repeat.setId("reset-repeat");
        repeat.setWidth("22em");
        error.setId("reset-error");
        error.addClassNames("banner", "banner-warning");
        error.setVisible(false);
        invalid.setId("reset-invalid");
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new H1("Set a new password"), invalid, password, repeat, error, save,
                new Paragraph(new Anchor("forgot-password", "Ask for a new link")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", java.util.List.of())
                .stream().findFirst().orElse(null);
        boolean usable = resets.usable(token);
        invalid.setVisible(!usable);
        password.setVisible(usable);
        repeat.setVisible(usable);
        save.setVisible(usable);
    }

    private void save() {
        password.setInvalid(false);
        repeat.setInvalid(false);
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw new InvalidInputException("repeat", "The two passwords differ.");
            }
            resets.confirm(token, password.getValue());
            getUI().ifPresent(ui -> ui.getPage().setLocation("login?reset"));
        } catch (PanelException ex) {
            error.setText(ex.userMessage());
            error.setVisible(true);
            if (ex instanceof InvalidInputException bad) {
                (bad.field().equals("repeat") ? repeat : password).setInvalid(true);
            }
        }
    }
}
