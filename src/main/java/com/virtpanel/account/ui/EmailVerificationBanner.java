package com.virtpanel.account.ui;

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
        var text = new Span("Confirm your email address: open the link we mailed you. Until then you cannot order servers.");
        var again = new Button("Send again");
        again.setId("verify-send-again");
        again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        again.addClickListener(e -> {
            String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
            long wait = verification.sendAgain(address);
            text.setText(wait > 0 ? "Too many requests, try again in " + wait + " seconds."
                    : "We sent a new link. Check your mailbox (and the spam folder).");
        });
        var banner = new HorizontalLayout(text, again);
        banner.setAlignItems(HorizontalLayout.Alignment.CENTER);
        banner.addClassNames("banner", "banner-info");
        banner.setId("verify-email-banner");
        return Optional.of(banner);
    }
}
