package com.virtpanel.support.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.ImpersonationGrant;
import com.virtpanel.base.ui.LayoutBanner;
import com.virtpanel.support.Impersonation;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** "Acting as X — reason — Exit", on every page while a staff member acts as a customer. */
@org.springframework.stereotype.Component
@Order(10)
class ImpersonationBanner implements LayoutBanner {

    private final CurrentUser currentUser;

    ImpersonationBanner(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> banner() {
        return currentUser.find().flatMap(actor -> actor.impersonation().map(grant -> banner(actor, grant)));
    }

    private static Component banner(Actor actor, ImpersonationGrant grant) {
        var text = new Span(Texts.get("support.impersonation-banner.acting-as") + actor.email() + " — " + grant.reason()
                + (grant.readOnly() ? Texts.get("support.impersonation-banner.read-only") : ""));
        text.setId("impersonation-text");
        var exitForm = new PostForm(Impersonation.EXIT_PATH);
        var exit = new Button(Texts.get("support.impersonation-banner.exit"), VaadinIcon.SIGN_OUT_ALT.create(), e -> exitForm.submit(Map.of()));
        exit.setId("exit-impersonation");
        exit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var banner = new HorizontalLayout(VaadinIcon.USER_CARD.create(), text, exit, exitForm);
        banner.setId("impersonation-banner");
        banner.setAlignItems(FlexComponent.Alignment.CENTER);
        banner.addClassNames("banner", "banner-warning");
        banner.getElement().setAttribute("title", Texts.get("support.impersonation.tooltip", actor.email(), grant.staffEmail()));
        return banner;
    }
}
