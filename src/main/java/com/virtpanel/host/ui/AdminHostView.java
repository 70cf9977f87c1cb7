package com.virtpanel.host.ui;

import com.virtpanel.base.Bytes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.HostPageSection;
import com.virtpanel.host.GuestSample;
import com.virtpanel.host.GuestStats;
import com.virtpanel.host.HostCapacity;
import com.virtpanel.host.HostInfo;
import com.virtpanel.host.HostOverview;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/** The host at a glance for admins: versions, capacity, and the guests running right now. */
@Route("admin/host")
@PageTitle("Host · Virtpanel")
@Menu(title = "Host", order = 73, icon = "vaadin:cluster")
@RolesAllowed("ADMIN")
public class AdminHostView extends VerticalLayout {

    private final HostOverview host;
    private final GuestStats stats;
    private final Div facts = new Div();
    private final Grid<GuestSample> guests = new Grid<>();
    private final Paragraph problem = new Paragraph();

    public AdminHostView(HostOverview host, GuestStats stats, ObjectProvider<HostPageSection> sections) {
        this.host = host;
        this.stats = stats;
        addClassName("page");
        facts.addClassName("spec-grid");
        facts.setId("host-facts");
        problem.addClassNames("banner", "banner-warning");
        problem.setId("host-problem");
        guests.setId("running-guests");
        guests.addColumn(GuestSample::domain).setHeader("Running guest").setAutoWidth(true);
        guests.addColumn(g -> String.format(Locale.ROOT, "%.1f s", g.cpuTimeNs() / 1e9)).setHeader("CPU time").setAutoWidth(true);
        guests.setAllRowsVisible(true);
        var refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("host-refresh");
        add(new H2("Host"), refresh, problem, facts, new H3("Running guests"), guests);
        sections.orderedStream().forEach(section -> add(section.section()));
        refresh();
    }

    private void refresh() {
        facts.removeAll();
        problem.setVisible(false);
        try {
            HostInfo info = host.info();
            HostCapacity capacity = host.capacity();
            fact("Host", info.hostname());
            fact("Connection", info.uri());
            fact("Hypervisor", info.hypervisor() + " " + info.hypervisorVersion() + " (" + info.virtType() + ")");
            fact("libvirt", info.libvirtVersion());
            fact("CPUs", Integer.toString(capacity.cpus()));
            fact("Memory", capacity.freeMemoryMib() + " MiB free of " + capacity.totalMemoryMib() + " MiB");
            fact("Storage pool", gib(capacity.storage().availableBytes()) + " free of " + gib(capacity.storage().capacityBytes())
                    + " (" + gib(capacity.storage().allocationBytes()) + " allocated)");
            fact("Limits enforced", host.enforceableLimits());
            fact("Guests", capacity.runningGuests() + " running, " + capacity.definedGuests() + " defined");
            List<GuestSample> running = stats.sampleRunning().stream().sorted(Comparator.comparing(GuestSample::domain)).toList();
            guests.setItems(running);
        } catch (PanelException e) {
            problem.setText("The host does not answer: " + e.userMessage() + " " + host.problem());
            problem.setVisible(true);
            guests.setItems(List.of());
        }
    }

    private void fact(String label, String value) {
        var dt = new Span(label);
        dt.addClassName("muted");
        var dd = new Span(value);
        dd.setId("host-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        facts.add(dt, dd);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) Bytes.GIB);
    }
}
