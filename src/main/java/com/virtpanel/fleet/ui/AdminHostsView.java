package com.virtpanel.fleet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.fleet.Drain;
import com.virtpanel.fleet.FleetService;
import com.virtpanel.fleet.HostDetails;
import com.virtpanel.fleet.HostDown;
import com.virtpanel.fleet.HostState;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Function;

/**
 * The fleet's hosts for admins: state (down, and why, when the heartbeat is too old or reports
 * libvirt lost; the buttons act on the state staff chose, kept underneath), what the live
 * servers promise against each host's capacity, the last heartbeat, and maintenance / activate.
 */
@Route("admin/hosts")
@Menu(title = "menu.admin-hosts", order = 74, icon = "vaadin:server")
@RolesAllowed("ADMIN")
public class AdminHostsView extends VerticalLayout implements HasDynamicTitle {

    private final FleetService fleet;
    private final Grid<HostDetails> grid = new Grid<>();

    public AdminHostsView(FleetService fleet) {
        this.fleet = fleet;
        addClassName("page");
        setMaxWidth("none");
        grid.setId("hosts-grid");
        grid.addColumn(HostDetails::name).setHeader(Texts.get("fleet.hosts.name")).setAutoWidth(true);
        grid.addColumn(h -> Texts.get("fleet.state." + h.state().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(Texts.get("fleet.hosts.state")).setAutoWidth(true);
        grid.addColumn(AdminHostsView::reason).setHeader(Texts.get("fleet.hosts.reason")).setAutoWidth(true);
        grid.addColumn(h -> Texts.get("fleet.hosts.of", String.valueOf(h.usedMemoryMib()), String.valueOf(h.memoryMib())))
                .setHeader(Texts.get("fleet.hosts.memory")).setAutoWidth(true);
        grid.addColumn(h -> Texts.get("fleet.hosts.of", String.valueOf(h.usedDiskGib()), String.valueOf(h.diskGib())))
                .setHeader(Texts.get("fleet.hosts.disk")).setAutoWidth(true);
        grid.addColumn(h -> Texts.get("fleet.hosts.of", String.valueOf(h.usedVcpus()), String.valueOf(h.vcpus())))
                .setHeader(Texts.get("fleet.hosts.vcpus")).setAutoWidth(true);
        grid.addColumn(HostDetails::servers).setHeader(Texts.get("fleet.hosts.servers")).setAutoWidth(true);
        grid.addColumn(h -> h.lastHeartbeat() == null ? "" : Formats.dateTimeSeconds(h.lastHeartbeat()))
                .setHeader(Texts.get("fleet.hosts.heartbeat")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        var refresh = new Button(Texts.get("fleet.hosts.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("hosts-refresh");
        var note = new Paragraph(Texts.get("fleet.hosts.note"));
        note.addClassName("muted");
        add(new H2(Texts.get("fleet.hosts.title")), refresh, grid, note);
        refresh();
    }

    /** Maintenance for a host taking new servers, activate for one that does not; the chosen state decides, not "down". */
    private HorizontalLayout actions(HostDetails host) {
        var buttons = new HorizontalLayout();
        if (host.chosenState() == HostState.ACTIVE) {
            buttons.add(button("maintenance", host, fleet::maintenance));
        } else {
            buttons.add(button("activate", host, fleet::activate));
        }
        if (host.servers() > 0) {
            var drain = new Button(Texts.get("fleet.hosts.drain"), e -> drain(host.name()));
            drain.setId("drain-host-" + host.name());
            drain.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            buttons.add(drain);
        }
        return buttons;
    }

    /** Starts moving every server away; says how many move and why the others stay. */
    private void drain(String name) {
        try {
            Drain drain = fleet.drain(name);
            String staying = drain.staying().entrySet().stream().map(e -> "#" + e.getKey() + ": " + Texts.get(e.getValue()))
                    .collect(java.util.stream.Collectors.joining("; "));
            Notices.done(Texts.get("fleet.hosts.draining", name, drain.moving().size(), drain.staying().size())
                    + (staying.isEmpty() ? "" : " " + staying));
        } catch (PanelException ex) {
            Notices.error(Texts.of(ex));
        }
        refresh();
    }

    private Button button(String action, HostDetails host, Function<String, HostDetails> change) {
        var button = new Button(Texts.get("fleet.hosts." + action), e -> {
            try {
                HostDetails changed = change.apply(host.name());
                Notices.done(Texts.get("fleet.hosts.changed", changed.name(),
                        Texts.get("fleet.state." + changed.chosenState().name().toLowerCase(java.util.Locale.ROOT))));
            } catch (PanelException ex) {
                Notices.error(Texts.of(ex));
            }
            refresh();
        });
        button.setId(action + "-host-" + host.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** Why a down host is down (empty for the others): silent since its last heartbeat, or libvirt lost with its problem. */
    private static String reason(HostDetails host) {
        HostDown down = host.down();
        if (down == null) {
            return "";
        }
        String since = Formats.dateTimeSeconds(down.since());
        return down.reason() == HostDown.Reason.NO_HEARTBEAT ? Texts.get("fleet.down.no-heartbeat", since)
                : Texts.get("fleet.down.libvirt-unreachable", since, down.detail() == null ? "" : down.detail());
    }

    private void refresh() {
        grid.setItems(fleet.list());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-hosts");
    }
}
