package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.PasswordResetService;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;

/** The page a reset link opens: a new password (the same rules as at sign-up), then sign in. */
@Route(value = PasswordResetService.PATH, autoLayout = false)
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResetService resets;
    private final PasswordField password = new PasswordField(Texts.get("account.password-panel.new-password"));
    private final PasswordField repeat = new PasswordField(Texts.get("account.reset-password-view.repeat-new-password"));
    private final Span error = new Span();
    private final Button save = new Button(Texts.get("account.reset-password-view.set-new-password"));
    private final Paragraph invalid = new Paragraph(Texts.get("account.reset-password-view.reset-link-invalid-was"));
    private String token;

    public ResetPasswordView(PasswordResetService resets) {
        this.resets = resets;
        setAlignItems(Alignment.CENTER);
        password.setId("reset-password");
        password.setWidth("22em");
        password.setHelperText(Texts.get("account.password-panel.at-least-10-characters"));
        repeat.setId("reset-repeat");
        repeat.setWidth("22em");
        error.setId("reset-error");
        error.addClassNames("banner", "banner-warning");
        error.setVisible(false);
        invalid.setId("reset-invalid");
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new H1(Texts.get("account.reset-password-view.set-new-password2")), invalid, password, repeat, error, save,
                new Paragraph(new Anchor("forgot-password", Texts.get("account.reset-password-view.ask-new-link"))));
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
                throw new InvalidInputException("repeat", Texts.get("account.reset-password-view.two-passwords-differ"));
            }
            resets.confirm(token, password.getValue());
            getUI().ifPresent(ui -> ui.getPage().setLocation("login?reset"));
        } catch (PanelException ex) {
            error.setText(Texts.of(ex));
            error.setVisible(true);
            if (ex instanceof InvalidInputException bad) {
                (bad.field().equals("repeat") ? repeat : password).setInvalid(true);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.reset-password");
    }
}
