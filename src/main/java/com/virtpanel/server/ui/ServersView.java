package com.virtpanel.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerUpdates;
import com.virtpanel.server.ServerView;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** "My servers": every server with its live status, and the way to order one. */
@Route("servers")
@RouteAlias("")
@PageTitle("My servers · Virtpanel")
@Menu(title = "My servers", order = 1, icon = "vaadin:server")
@PermitAll
public class ServersView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ServerService servers;
    /** What the grid shows, so that a poll with nothing new sends nothing. */
    private List<ServerView> shown;
    private final Grid<ServerView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("You have no servers yet. Order one: it is running within seconds.");

    public ServersView(ServerService servers, ServerUpdates updates) {
        this.servers = servers;
        addClassName("page");
        var order = new Button("Order a server", VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate(OrderView.class)));
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        order.setId("order-server");
        var header = new HorizontalLayout(new H2("My servers"), order);
        header.setAlignItems(Alignment.BASELINE);

        grid.setId("servers-grid");
        grid.addComponentColumn(s -> new Anchor("servers/" + s.id(), s.name())).setHeader("Name").setAutoWidth(true);
        grid.addComponentColumn(s -> new StatusBadge(s.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ServerView::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(ServerView::image).setHeader("Image").setAutoWidth(true);
        grid.addColumn(s -> s.ipv4() == null ? "" : s.ipv4()).setHeader("IPv4").setAutoWidth(true);
        grid.addColumn(s -> DATE.format(s.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate("servers/" + e.getItem().id())));
        empty.addClassName("muted");
        add(header, empty, grid);
        refresh();
        LiveServerUpdates.attach(this, updates, event -> refresh(), this::refresh);
    }

    private void refresh() {
        var list = servers.list();
        if (list.equals(shown)) {
            return; // nothing moved (most polls): setItems would send every row again
        }
        shown = list;
        grid.setItems(list);
        empty.setVisible(list.isEmpty());
        grid.setVisible(!list.isEmpty());
    }
}
