package com.virtpanel.host.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.virtpanel.base.ui.LayoutBanner;
import com.virtpanel.host.HostOverview;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** Tells everyone, on every page, when the panel cannot reach its host. */
@org.springframework.stereotype.Component
@Order(20)
class HostUnreachableBanner implements LayoutBanner {

    private final HostOverview host;

    HostUnreachableBanner(HostOverview host) {
        this.host = host;
    }

    @Override
    public Optional<Component> banner() {
        if (host.reachable()) {
            return Optional.empty();
        }
        var banner = new Span(Texts.get("host.host-unreachable-banner.host-unreachable-right-now"));
        banner.addClassNames("banner", "banner-warning");
        banner.setId("host-unreachable");
        return Optional.of(banner);
    }
}
