package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinRequest;
import com.virtpanel.account.EmailVerificationService;
import com.virtpanel.base.ui.LayoutBanner;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** Asks a customer who has not confirmed their email address to do so, with "send again". */
@org.springframework.stereotype.Component
@Order(30)
class EmailVerificationBanner implements LayoutBanner {

    private final EmailVerificationService verification;

    EmailVerificationBanner(EmailVerificationService verification) {
        this.verification = verification;
    }

    @Override
    public Optional<Component> banner() {
        if (!verification.currentUserUnverified()) {
            return Optional.empty();
        }
        var text = new Span(Texts.get(verification.ordersWaitForConfirmation()
                ? "account.email-verification-banner.confirm-email-address-open"
                : "account.email-verification-banner.confirm-email-address"));
        var again = new Button(Texts.get("account.email-verification-banner.send-again"));
        again.setId("verify-send-again");
        again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        again.addClickListener(e -> {
            String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
            long wait = verification.sendAgain(address);
            text.setText(wait > 0 ? Texts.get("account.email-verification-banner.too-many-requests-try") + wait + Texts.get("account.email-verification-banner.seconds")
                    : Texts.get("account.email-verification-banner.we-sent-new-link"));
        });
        var banner = new HorizontalLayout(text, again);
        banner.setAlignItems(HorizontalLayout.Alignment.CENTER);
        banner.addClassNames("banner", "banner-info");
        banner.setId("verify-email-banner");
        return Optional.of(banner);
    }
}
