package com.virtpanel.quota.ui;

import com.virtpanel.base.ui.Formats;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.quota.EnforcementEntry;
import com.virtpanel.quota.QuotaService;
import com.virtpanel.quota.ThrottledServer;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** For admins: which servers run throttled now, and every limit the panel wrote (drift repairs included). */
@Route("admin/limits")
@Menu(title = "menu.limits-admin", order = 74, icon = "vaadin:dashboard")
@RolesAllowed("ADMIN")
public class LimitsAdminView extends VerticalLayout implements HasDynamicTitle {

    private final QuotaService quota;
    private final Clock clock;
    private final Grid<ThrottledServer> throttled = new Grid<>();
    private final Paragraph noneThrottled = new Paragraph(Texts.get("quota.limits-admin-view.no-server-throttled"));
    private final Grid<EnforcementEntry> enforcements = new Grid<>();

    public LimitsAdminView(QuotaService quota, Clock clock) {
        this.quota = quota;
        this.clock = clock;
        addClassName("page");
        var refresh = new Button(Texts.get("quota.limits-admin-view.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("limits-refresh");
        var header = new HorizontalLayout(new H2(Texts.get("quota.limits-admin-view.limits")), refresh);
        header.setAlignItems(Alignment.BASELINE);

        throttled.setId("throttled-grid");
        throttled.addComponentColumn(s -> new Anchor("servers/" + s.serverId(), s.serverName())).setHeader(Texts.get("quota.limits-admin-view.server")).setAutoWidth(true);
        throttled.addColumn(ThrottledServer::owner).setHeader(Texts.get("quota.limits-admin-view.owner")).setAutoWidth(true);
        throttled.addColumn(s -> String.join(" ", LimitText.reasons(s.limits()))).setHeader(Texts.get("quota.limits-admin-view.why")).setFlexGrow(1);
        throttled.addColumn(s -> LimitText.until(s.limits(), clock.instant())).setHeader(Texts.get("quota.limits-admin-view.until")).setAutoWidth(true);
        throttled.setAllRowsVisible(true);
        noneThrottled.addClassName("muted");

        enforcements.setId("enforcement-grid");
        enforcements.addColumn(e -> Formats.dateTimeSeconds(e.at())).setHeader(Texts.get("quota.limits-admin-view.when")).setAutoWidth(true);
        enforcements.addColumn(EnforcementEntry::serverName).setHeader(Texts.get("quota.limits-admin-view.server")).setAutoWidth(true);
        enforcements.addColumn(EnforcementEntry::domain).setHeader(Texts.get("quota.limits-admin-view.domain")).setAutoWidth(true);
        enforcements.addColumn(EnforcementEntry::what).setHeader(Texts.get("quota.limits-admin-view.limit")).setAutoWidth(true);
        enforcements.addColumn(e -> e.before() == null ? "—" : e.before()).setHeader(Texts.get("quota.limits-admin-view.before")).setAutoWidth(true);
        enforcements.addColumn(EnforcementEntry::after).setHeader(Texts.get("quota.limits-admin-view.after")).setAutoWidth(true);
        enforcements.addColumn(e -> Texts.get(e.reason().message())).setHeader(Texts.get("quota.limits-admin-view.why")).setAutoWidth(true);
        enforcements.setHeight("32em");

        add(header, new H3(Texts.get("quota.limits-admin-view.throttled-servers")), noneThrottled, throttled, new H3(Texts.get("quota.limits-admin-view.enforcement-log")), enforcements);
        refresh();
    }

    private void refresh() {
        List<ThrottledServer> now = quota.throttled();
        throttled.setItems(now);
        throttled.setVisible(!now.isEmpty());
        noneThrottled.setVisible(now.isEmpty());
        enforcements.setItems(quota.enforcementLog(500));
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.limits-admin");
    }
}
