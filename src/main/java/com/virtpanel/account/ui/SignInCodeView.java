package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.SecondStepSignIn;
import com.virtpanel.account.SecondStepSignIn.Outcome;

/**
 * The second step of signing in, after a right password for an account with two-factor
 * authentication. Open to anonymous visitors on purpose: until the code passes, the visitor is
 * not signed in at all, and this page only works for a browser session whose password step passed.
 */
@Route(value = "login/code", autoLayout = false)
@AnonymousAllowed
public class SignInCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SecondStepSignIn signIn;
    private final Paragraph error = new Paragraph();

    public SignInCodeView(SecondStepSignIn signIn) {
        this.signIn = signIn;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var code = new TextField(Texts.get("account.sign-in-code-view.code"));
        code.setId("sign-in-code");
        code.setMaxLength(24);
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        var submit = new Button(Texts.get("account.sign-in-code-view.sign"), e -> submit(code.getValue()));
        submit.setId("sign-in-code-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        error.setId("sign-in-code-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(new H1("Virtpanel"), new Paragraph(Texts.get("account.sign-in-code-view.enter-6-digit-code")),
                code, submit, error, new Anchor("login", Texts.get("account.sign-in-code-view.start-over")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (signIn.awaiting(VaadinServletRequest.getCurrent().getHttpServletRequest()).isEmpty()) {
            event.forwardTo("login");
        }
    }

    private void submit(String code) {
        Outcome outcome = signIn.submit(VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(), code);
        if (outcome instanceof Outcome.SignedIn done) {
            UI.getCurrent().getPage().setLocation(done.next());
        } else if (outcome instanceof Outcome.Wait wait) {
            showError(Texts.get("account.sign-in-code-view.too-many-attempts-try") + wait.seconds() + Texts.get("account.email-verification-banner.seconds"));
        } else if (outcome instanceof Outcome.Wrong) {
            showError(Texts.get("account.sign-in-code-view.that-code-not-right"));
        } else {
            UI.getCurrent().getPage().setLocation("login");
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.sign-in-code");
    }
}
