package com.virtpanel.quota.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.SpecGrid;
import com.virtpanel.quota.EffectiveLimits;
import com.virtpanel.quota.QuotaService;
import com.virtpanel.server.ServerPageSection;
import com.virtpanel.server.ServerView;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The server page's "Limits in force": what the server may use now and, when throttled, why and until when. */
@org.springframework.stereotype.Component
@Order(20)
class LimitsSection implements ServerPageSection {

    private final QuotaService quota;

    LimitsSection(QuotaService quota) {
        this.quota = quota;
    }

    @Override
    public Optional<Component> section(ServerView server) {
        EffectiveLimits l;
        try {
            l = quota.limits(server.id());
        } catch (PanelException gone) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("limits");
        box.add(new H3("Limits in force"));
        int n = 0;
        for (String reason : LimitText.reasons(l)) {
            var notice = new Div(new Span(reason));
            notice.addClassNames("banner", "banner-warning");
            notice.setId("throttle-" + n++);
            box.add(notice);
        }
        var grid = new SpecGrid();
        grid.row("CPU", LimitText.cpu(l), "limit-cpu");
        if (l.burst() != null) {
            grid.row("Burst credits", LimitText.credits(l.burst()), "limit-credits");
        }
        grid.row("Disk I/O", l.diskIops() + " IOPS, " + l.diskMbps() + " MB/s", "limit-disk");
        // say so rather than promise a rate this host's kernel cannot hold the server to
        grid.row("Network", LimitText.network(l) + (quota.enforcesNetworkRate() ? "" : " (not enforced on this host)"), "limit-network");
        grid.row("Traffic", LimitText.traffic(l.traffic()), "limit-traffic");
        grid.row("Checked", l.checkedAt() == null ? "not yet" : LimitText.SECONDS.format(l.checkedAt()), "limit-checked");
        box.add(grid);
        return Optional.of(box);
    }
}
