package com.virtpanel.quota.ui;

import com.virtpanel.base.ui.Formats;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.SpecGrid;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.quota.EffectiveLimits;
import com.virtpanel.quota.QuotaService;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
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
    public ServerPageTab tab() {
        return ServerPageTab.OVERVIEW;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        EffectiveLimits l;
        try {
            l = quota.limits(server.id());
        } catch (PanelException gone) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("limits");
        box.add(new H3(Texts.get("quota.limits-section.limits-force")));
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
            grid.row(Texts.get("quota.limits-section.burst-credits"), LimitText.credits(l.burst()), "limit-credits");
        }
        grid.row(Texts.get("quota.limits-section.disk-i-o"), l.diskIops() + Texts.get("quota.limits-section.iops") + l.diskMbps() + Texts.get("quota.limits-section.mb"), "limit-disk");
        // say so rather than promise a rate this host's kernel cannot hold the server to
        grid.row(Texts.get("quota.limits-section.network"), LimitText.network(l) + (quota.enforcesNetworkRate() ? "" : Texts.get("quota.limits-section.not-enforced-host")), "limit-network");
        grid.row(Texts.get("quota.limits-section.traffic"), LimitText.traffic(l.traffic()), "limit-traffic");
        grid.row(Texts.get("quota.limits-section.checked"), l.checkedAt() == null ? Texts.get("quota.limits-section.not-yet") : Formats.dateTimeSeconds(l.checkedAt()), "limit-checked");
        box.add(grid);
        return Optional.of(box);
    }
}
