package com.virtpanel.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.base.security.RememberMe;

/** The login page; the form posts to Spring Security's /login. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final Paragraph passkeyError = new Paragraph();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle(Texts.get("base.login-view.sign"));
        i18n.getForm().setUsername(Texts.get("base.login-view.email"));
        i18n.getErrorMessage().setTitle(Texts.get("base.login-view.wrong-email-password"));
        i18n.getErrorMessage().setMessage(Texts.get("base.login-view.check-email-password-try"));
        form.setI18n(i18n);
        form.setAction("login");
        // "Forgot password?" leads to the account module's request page (a route, not a class: base knows no modules)
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        // Remember-me is opt-in. Flow's LoginForm has no API for extra fields, so a plain checkbox is
        // attached to the form component and moved into its native <form> once that has rendered:
        // the form posts it (as remember-me=on) only when ticked, and it needs no web component.
        var keepSignedIn = new Element("label");
        keepSignedIn.setAttribute("id", "keep-signed-in");
        keepSignedIn.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin-top", "var(--lumo-space-s)");
        var box = new Element("input");
        box.setAttribute("type", "checkbox");
        box.setAttribute("id", RememberMe.PARAMETER);
        box.setAttribute("name", RememberMe.PARAMETER);
        box.setAttribute("value", "on");
        keepSignedIn.appendChild(box, new Element("span").setText(Texts.get("base.login-view.keep-me-signed-14")));
        form.getElement().appendChild(keepSignedIn);
        form.getElement().executeJs(
                "const item=$0, host=this;customElements.whenDefined('vaadin-login-form').then(()=>{"
                        + "const move=()=>{const f=host.querySelector('form');"
                        + "if(!f){requestAnimationFrame(move);return;}if(item.parentNode!==f){f.appendChild(item);}};move();});",
                keepSignedIn);

        var passkey = new Button(Texts.get("base.login-view.sign-with-passkey"), e -> signInWithPasskey());
        passkey.setId("passkey-sign-in");
        passkey.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        passkeyError.setId("passkey-error");
        passkeyError.getStyle().set("color", "var(--lumo-error-text-color)");
        passkeyError.setVisible(false);
        add(new H1("Virtpanel"), form, passkey, passkeyError,
                new Paragraph(new Anchor("signup", Texts.get("base.login-view.new-here-create-account"))));
    }

    /** A passkey counts as both factors: no code step follows. */
    private void signInWithPasskey() {
        passkeyError.setVisible(false);
        UI ui = UI.getCurrent();
        PasskeyScript.run(ui, "return window.vpPasskeys.authenticate()").then(String.class,
                next -> ui.getPage().setLocation(next),
                error -> {
                    passkeyError.setText(Texts.get("base.login-view.that-passkey-did-not"));
                    passkeyError.setVisible(true);
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // "wait" comes from the sign-in throttle: the password was not checked at all.
        var wait = parameters.getOrDefault("wait", java.util.List.of()).stream().findFirst()
                .filter(w -> w.matches("\\d{1,6}"));
        if (wait.isPresent()) {
            i18n.getErrorMessage().setTitle(Texts.get("base.login-view.too-many-attempts"));
            i18n.getErrorMessage().setMessage(Texts.get("base.login-view.too-many-attempts-try") + wait.get() + Texts.get("base.login-view.seconds"));
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("registered") || parameters.containsKey("mailed") || parameters.containsKey("created")) {
            var created = new Paragraph(parameters.containsKey("registered")
                    ? Texts.get("base.login-view.account-created-sign-we") + Texts.get("base.login-view.which-need-before-ordering")
                    : parameters.containsKey("mailed") ? Texts.get("base.login-view.account-created-link-mailed")
                    : Texts.get("base.login-view.account-created-sign-in"));
            created.setId("registered");
            created.addClassNames("banner", "banner-info");
            addComponentAtIndex(1, created);
        } else if (parameters.containsKey("reset")) {
            var done = new Paragraph(Texts.get("base.login-view.new-password-set-every"));
            done.setId("reset-done");
            done.addClassNames("banner", "banner-info");
            addComponentAtIndex(1, done);
        } else if (parameters.containsKey("error")) {
            form.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.login");
    }
}
