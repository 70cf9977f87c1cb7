package com.virtpanel.fleet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.Role;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.fleet.FleetService;
import com.virtpanel.fleet.HostDetails;
import com.virtpanel.fleet.HostState;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerMigrations;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The server page's host, for admins only: which host the server lives on, and moving it to
 * another (a running server keeps running; to a chosen host, or to the one placement picks). Customers never see
 * hosts. The page's live updates show the move ("moving", then the new host).
 */
@org.springframework.stereotype.Component
@Order(90)
class ServerHostSection implements ServerPageSection {

    /** The select's value for "let placement choose". */
    private static final String ANY = "";

    private final CurrentUser currentUser;
    private final FleetService fleet;
    private final ServerMigrations migrations;
    private final ServerService servers;

    ServerHostSection(CurrentUser currentUser, FleetService fleet, ServerMigrations migrations, ServerService servers) {
        this.currentUser = currentUser;
        this.fleet = fleet;
        this.migrations = migrations;
        this.servers = servers;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.HOST;
    }

    /** Admins only, and not while acting as a customer. */
    @Override
    public boolean shownToCurrentUser() {
        return currentUser.find().filter(a -> a.role() == Role.ADMIN && !a.isImpersonated()).isPresent();
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        if (!shownToCurrentUser()) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("server-host");
        fill(box, server);
        return Optional.of(box);
    }

    private void fill(Div box, ServerInfo server) {
        box.removeAll();
        var where = new Span(Texts.get("fleet.server-host.on", String.valueOf(server.host())));
        where.setId("server-host-name");
        List<String> others = fleet.list().stream().filter(h -> h.chosenState() == HostState.ACTIVE && h.state() != HostState.DOWN)
                .map(HostDetails::name).filter(name -> !name.equals(server.host())).toList();
        var target = new Select<String>();
        target.setId("migrate-target");
        target.setLabel(Texts.get("fleet.server-host.target"));
        target.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY), others.stream()).toList());
        target.setItemLabelGenerator(name -> name.isEmpty() ? Texts.get("fleet.server-host.any") : name);
        target.setValue(ANY);
        var move = new Button(Texts.get("fleet.server-host.move"), VaadinIcon.EXCHANGE.create(), e -> move(box, server.id(), target.getValue()));
        move.setId("migrate-server");
        boolean settled = server.status() == ServerStatus.RUNNING || server.status() == ServerStatus.STOPPED;
        move.setEnabled(settled && !others.isEmpty());
        move.setTooltipText(!settled ? Texts.get("error.server.migrate-needs-settled")
                : others.isEmpty() ? Texts.get("fleet.server-host.no-other") : null);
        box.add(new H3(Texts.get("fleet.server-host.title")), where, new HorizontalLayout(target, move));
    }

    private void move(Div box, long id, String host) {
        try {
            ServerInfo moving = migrations.migrate(id, host);
            Notices.done(Texts.get("fleet.server-host.moving"));
            fill(box, moving);
        } catch (PanelException ex) {
            Notices.error(Texts.of(ex));
            fill(box, servers.get(id));
        }
    }
}
