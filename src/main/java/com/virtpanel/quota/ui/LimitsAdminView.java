package com.virtpanel.quota.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.quota.EnforcementEntry;
import com.virtpanel.quota.QuotaService;
import com.virtpanel.quota.ThrottledServer;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** For admins: which servers run throttled now, and every limit the panel wrote (drift repairs included). */
@Route("admin/limits")
@PageTitle("Limits · Virtpanel")
@Menu(title = "Limits", order = 74, icon = "vaadin:dashboard")
@RolesAllowed("ADMIN")
public class LimitsAdminView extends VerticalLayout {

    private final QuotaService quota;
    private final Clock clock;
    private final Grid<ThrottledServer> throttled = new Grid<>();
    private final Paragraph noneThrottled = new Paragraph("No server is throttled.");
    private final Grid<EnforcementEntry> log = new Grid<>();

    public LimitsAdminView(QuotaService quota, Clock clock) {
        this.quota = quota;
        this.clock = clock;
        addClassName("page");
        var refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("limits-refresh");
        var header = new HorizontalLayout(new H2("Limits"), refresh);
        header.setAlignItems(Alignment.BASELINE);

        throttled.setId("throttled-grid");
        throttled.addComponentColumn(s -> new Anchor("servers/" + s.serverId(), s.serverName())).setHeader("Server").setAutoWidth(true);
        throttled.addColumn(ThrottledServer::owner).setHeader("Owner").setAutoWidth(true);
        throttled.addColumn(s -> String.join(" ", LimitText.reasons(s.limits()))).setHeader("Why").setFlexGrow(1);
        throttled.addColumn(s -> LimitText.until(s.limits(), clock.instant())).setHeader("Until").setAutoWidth(true);
        throttled.setAllRowsVisible(true);
        noneThrottled.addClassName("muted");

        log.setId("enforcement-grid");
        log.addColumn(e -> LimitText.SECONDS.format(e.at())).setHeader("When").setAutoWidth(true);
        log.addColumn(EnforcementEntry::serverName).setHeader("Server").setAutoWidth(true);
        log.addColumn(EnforcementEntry::domain).setHeader("Domain").setAutoWidth(true);
        log.addColumn(EnforcementEntry::what).setHeader("Limit").setAutoWidth(true);
        log.addColumn(e -> e.before() == null ? "—" : e.before()).setHeader("Before").setAutoWidth(true);
        log.addColumn(EnforcementEntry::after).setHeader("After").setAutoWidth(true);
        log.addColumn(e -> e.reason().label()).setHeader("Why").setAutoWidth(true);
        log.setHeight("32em");

        add(header, new H3("Throttled servers"), noneThrottled, throttled, new H3("Enforcement log"), log);
        refresh();
    }

    private void refresh() {
        List<ThrottledServer> now = quota.throttled();
        throttled.setItems(now);
        throttled.setVisible(!now.isEmpty());
        noneThrottled.setVisible(now.isEmpty());
        log.setItems(quota.enforcementLog(500));
    }
}
