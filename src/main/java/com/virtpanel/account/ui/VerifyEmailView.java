package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.virtpanel.account.EmailVerificationService;
import com.virtpanel.base.PanelException;

/**
 * The page a confirmation link opens. The address is confirmed by a click, not by opening the
 * page: mail scanners that follow links must not use the single-use link up.
 */
@Route(value = EmailVerificationService.PATH, autoLayout = false)
@AnonymousAllowed
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Paragraph result = new Paragraph();
    private String token;

    public VerifyEmailView(EmailVerificationService verification) {
        setAlignItems(Alignment.CENTER);
        result.setId("verify-result");
        var confirm = new Button(Texts.get("account.verify-email-view.confirm-my-email-address"));
        confirm.setId("verify-submit");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                verification.verify(token);
                result.setText(Texts.get("account.verify-email-view.thank-email-address-confirmed"));
                confirm.setVisible(false);
            } catch (PanelException ex) {
                result.setText(Texts.of(ex));
            }
        });
        add(new H1(Texts.get("account.verify-email-view.confirm-email-address")), confirm, result, new Paragraph(new Anchor("", Texts.get("account.verify-email-view.go-panel"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", java.util.List.of())
                .stream().findFirst().orElse(null);
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.verify-email");
    }
}
