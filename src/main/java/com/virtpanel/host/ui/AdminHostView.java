package com.virtpanel.host.ui;

import com.virtpanel.base.ui.Texts;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
import org.springframework.beans.factory.ObjectProvider;

/** The host at a glance for admins: versions, capacity, and the guests running right now. */
@Route("admin/host")
@Menu(title = "menu.admin-host", order = 73, icon = "vaadin:cluster")
@RolesAllowed("ADMIN")
public class AdminHostView extends VerticalLayout implements HasDynamicTitle {

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
        guests.addColumn(GuestSample::domain).setHeader(Texts.get("host.admin-host-view.running-guest")).setAutoWidth(true);
        guests.addColumn(g -> String.format(Texts.locale(), Texts.get("host.admin-host-view.1f"), g.cpuTimeNs() / 1e9)).setHeader(Texts.get("host.admin-host-view.cpu-time")).setAutoWidth(true);
        guests.setAllRowsVisible(true);
        var refresh = new Button(Texts.get("host.admin-host-view.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("host-refresh");
        add(new H2(Texts.get("host.admin-host-view.host")), refresh, problem, facts, new H3(Texts.get("host.admin-host-view.running-guests")), guests);
        sections.orderedStream().forEach(section -> add(section.section()));
        refresh();
    }

    private void refresh() {
        facts.removeAll();
        problem.setVisible(false);
        try {
            HostInfo info = host.info();
            HostCapacity capacity = host.capacity();
            fact("host", Texts.get("host.admin-host-view.host"), info.hostname());
            fact("connection", Texts.get("host.admin-host-view.connection"), info.uri());
            fact("hypervisor", Texts.get("host.admin-host-view.hypervisor"), info.hypervisor() + " " + info.hypervisorVersion() + " (" + info.virtType() + ")");
            fact("libvirt", "libvirt", info.libvirtVersion());
            fact("cpus", Texts.get("host.admin-host-view.cpus"), Integer.toString(capacity.cpus()));
            fact("memory", Texts.get("host.admin-host-view.memory"), capacity.freeMemoryMib() + Texts.get("host.admin-host-view.mib-free") + capacity.totalMemoryMib() + Texts.get("host.admin-host-view.mib"));
            fact("storage-pool", Texts.get("host.admin-host-view.storage-pool"), gib(capacity.storage().availableBytes()) + Texts.get("host.admin-host-view.free") + gib(capacity.storage().capacityBytes())
                    + " (" + gib(capacity.storage().allocationBytes()) + Texts.get("host.admin-host-view.allocated"));
            fact("limits-enforced", Texts.get("host.admin-host-view.limits-enforced"), Texts.get(host.enforceableLimits()));
            fact("guests", Texts.get("host.admin-host-view.guests"), capacity.runningGuests() + Texts.get("host.admin-host-view.running") + capacity.definedGuests() + Texts.get("host.admin-host-view.defined"));
            List<GuestSample> running = stats.sampleRunning().stream().sorted(Comparator.comparing(GuestSample::domain)).toList();
            guests.setItems(running);
        } catch (PanelException e) {
            problem.setText(Texts.get("host.admin-host-view.host-does-not-answer") + Texts.of(e) + " " + host.problem());
            problem.setVisible(true);
            guests.setItems(List.of());
        }
    }

    /** A fact row; its id comes from {@code id}, never from the label, which is in the reader's language. */
    private void fact(String id, String label, String value) {
        var dt = new Span(label);
        dt.addClassName("muted");
        var dd = new Span(value);
        dd.setId("host-" + id);
        facts.add(dt, dd);
    }

    private static String gib(long bytes) {
        return String.format(Texts.locale(), Texts.get("host.admin-host-view.1f-gib"), bytes / (double) Bytes.GIB);
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-host");
    }
}
