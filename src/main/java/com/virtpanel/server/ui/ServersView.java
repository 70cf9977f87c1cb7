package com.virtpanel.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerUpdates;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** "My servers": every server with its live status, and the way to order one. */
@Route("servers")
@RouteAlias("")
@Menu(title = "menu.servers", order = 1, icon = "vaadin:server")
@PermitAll
public class ServersView extends VerticalLayout implements HasDynamicTitle {

    private final ServerService servers;
    /** What the grid shows, so that a poll with nothing new sends nothing. */
    private List<ServerInfo> shown;
    private final Grid<ServerInfo> grid = new Grid<>();
    private final Paragraph empty = new Paragraph(Texts.get("server.servers-view.have-no-servers-yet"));

    public ServersView(ServerService servers, ServerUpdates updates) {
        this.servers = servers;
        addClassName("page");
        var order = new Button(Texts.get("server.order-view.order-server"), VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate(OrderView.class)));
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        order.setId("order-server");
        var header = new HorizontalLayout(new H2(Texts.get("server.servers-view.my-servers")), order);
        header.setAlignItems(Alignment.BASELINE);

        grid.setId("servers-grid");
        // Rendered in the browser from each row's values: no server-side component per row and cell.
        grid.addColumn(LitRenderer.<ServerInfo>of("<a href=\"servers/${item.id}\">${item.name}</a>")
                .withProperty("id", ServerInfo::id).withProperty("name", ServerInfo::name))
                .setHeader(Texts.get("server.servers-view.name")).setAutoWidth(true);
        grid.addColumn(LitRenderer.<ServerInfo>of("<span class=\"" + StatusBadge.CLASS
                        + "\" theme=\"${item.theme}\" data-status=\"${item.status}\">${item.text}</span>")
                .withProperty("theme", s -> StatusBadge.theme(s.status())).withProperty("status", s -> s.status().apiName())
                .withProperty("text", s -> StatusBadge.text(s.status())))
                .setHeader(Texts.get("server.server-detail-view.status")).setAutoWidth(true);
        grid.addColumn(ServerInfo::planTitle).setHeader(Texts.get("server.order-view.plan")).setAutoWidth(true);
        grid.addColumn(ServerInfo::imageTitle).setHeader(Texts.get("server.order-view.image")).setAutoWidth(true);
        grid.addColumn(s -> s.ipv4() == null ? "" : s.ipv4()).setHeader("IPv4").setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.createdAt())).setHeader(Texts.get("server.server-detail-view.created")).setAutoWidth(true);
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

    @Override
    public String getPageTitle() {
        return Texts.get("title.servers");
    }
}
