package com.virtpanel.base.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.base.security.RememberMe;

/** The login page; the form posts to Spring Security's /login. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Virtpanel")
@AnonymousAllowed
@Uses(Checkbox.class)
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Wrong email or password");
        i18n.getErrorMessage().setMessage("Check your email and password and try again.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        // Remember-me is opt-in. Flow's LoginForm has no API for extra fields, but its web component
        // posts every named element in its "custom-form-area" slot (a checkbox only when ticked).
        form.getElement().executeJs(
                "setTimeout(()=>{const w=this.querySelector('vaadin-login-form-wrapper');"
                        + "if(!w||w.querySelector('#remember-me'))return;"
                        + "const c=document.createElement('vaadin-checkbox');c.id='remember-me';c.setAttribute('name',$0);"
                        + "c.setAttribute('slot','custom-form-area');c.label='Keep me signed in';"
                        + "c.helperText='For 14 days on this device. Not for staff accounts.';w.appendChild(c);},0);",
                RememberMe.PARAMETER);

        add(new H1("Virtpanel"), form,
                new Paragraph(new Anchor("signup", "New here? Create an account")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // "wait" comes from the sign-in throttle: the password was not checked at all.
        var wait = parameters.getOrDefault("wait", java.util.List.of()).stream().findFirst()
                .filter(w -> w.matches("\\d{1,6}"));
        if (wait.isPresent()) {
            i18n.getErrorMessage().setTitle("Too many attempts");
            i18n.getErrorMessage().setMessage("Too many attempts, try again in " + wait.get() + " seconds.");
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            form.setError(true);
        }
    }
}
