package com.virtpanel.quota.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.virtpanel.quota.QuotaService;
import com.virtpanel.quota.ThrottledServer;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** Tells customers on every page that one of their servers runs under less than its plan. */
@org.springframework.stereotype.Component
@Order(40)
class ThrottleBanner implements com.virtpanel.base.ui.LayoutBanner {

    private final QuotaService quota;

    ThrottleBanner(QuotaService quota) {
        this.quota = quota;
    }

    @Override
    public Optional<Component> banner() {
        List<ThrottledServer> mine;
        try {
            mine = quota.mine();
        } catch (RuntimeException notSignedIn) {
            return Optional.empty();
        }
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        var banner = new Div();
        banner.setId("throttle-banner");
        banner.addClassNames("banner", "banner-warning");
        for (ThrottledServer s : mine) {
            String what = s.limits().trafficThrottled() && s.limits().cpuThrottled() ? Texts.get("quota.throttle-banner.network-cpu-are-limited")
                    : s.limits().trafficThrottled()
                            ? Texts.get("quota.throttle-banner.network-limited") + s.limits().netMbps() + Texts.get("quota.throttle-banner.mbit-until")
                                    + Formats.dateTime(s.limits().traffic().periodEnd()) + Texts.get("quota.throttle-banner.traffic-allowance-used-up")
                            : Texts.get("quota.throttle-banner.cpu-limited-its-baseline");
            banner.add(new Div(new Anchor("servers/" + s.serverId(), s.serverName()), new Span(": " + what + ".")));
        }
        return Optional.of(banner);
    }
}
