package com.virtpanel.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.network.FirewallInfo;
import com.virtpanel.network.FirewallRule;
import com.virtpanel.network.FirewallService;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Firewalls": the customer's firewalls, each with its rules (add, remove), the servers it is
 * attached to with "applied" / "pending", attach and detach, delete.
 */
@Route("firewalls")
@Menu(title = "menu.firewalls", order = 3, icon = "vaadin:shield")
@PermitAll
public class FirewallsView extends VerticalLayout implements HasDynamicTitle {

    private final FirewallService firewalls;
    private final ServerService servers;
    private final Div list = new Div();

    public FirewallsView(FirewallService firewalls, ServerService servers) {
        this.firewalls = firewalls;
        this.servers = servers;
        addClassName("page");
        var name = new TextField(Texts.get("network.firewalls.name"));
        name.setId("firewall-name");
        var create = new Button(Texts.get("network.firewalls.create"), VaadinIcon.PLUS.create(), e -> {
            try {
                firewalls.create(name.getValue(), List.of());
                name.clear();
                name.setInvalid(false);
                refresh();
            } catch (PanelException ex) {
                name.setInvalid(true);
                name.setErrorMessage(Texts.of(ex));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("firewall-create");
        var form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);
        var intro = new Paragraph(Texts.get("network.firewalls.intro"));
        intro.addClassName("muted");
        list.setId("firewalls");
        list.setWidthFull();
        add(new H2(Texts.get("network.firewalls.title")), intro, form, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<ServerInfo> mine = servers.list();
        List<FirewallInfo> all = firewalls.mine();
        if (all.isEmpty()) {
            var empty = new Paragraph(Texts.get("network.firewalls.none-yet"));
            empty.addClassName("muted");
            list.add(empty);
        }
        for (FirewallInfo f : all) {
            list.add(card(f, mine));
        }
    }

    private Div card(FirewallInfo f, List<ServerInfo> mine) {
        var card = new Div();
        card.setId("firewall-" + f.id());
        card.addClassName("card");
        var delete = new Button(Texts.get("network.firewalls.delete"), e -> act(() -> firewalls.delete(f.id())));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setId("firewall-delete-" + f.id());
        var title = new HorizontalLayout(new H3(f.name()), delete);
        title.setAlignItems(Alignment.BASELINE);
        card.add(title, rules(f), addRule(f), attachments(f, mine));
        return card;
    }

    private Grid<FirewallRule> rules(FirewallInfo f) {
        var grid = new Grid<FirewallRule>();
        grid.setId("firewall-rules-" + f.id());
        grid.addColumn(r -> Texts.get(directionKey(r.direction())))
                .setHeader(Texts.get("network.firewalls.direction")).setAutoWidth(true);
        grid.addColumn(FirewallRule::protocol).setHeader(Texts.get("network.firewalls.protocol")).setAutoWidth(true);
        grid.addColumn(r -> r.port() == null ? Texts.get("network.firewalls.any-port") : r.port())
                .setHeader(Texts.get("network.firewalls.port")).setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.cidrs())).setHeader(Texts.get("network.firewalls.addresses")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            var remove = new Button(Texts.get("network.firewalls.remove-rule"), e -> {
                List<FirewallRule> rest = new ArrayList<>(f.rules());
                rest.remove(r);
                act(() -> firewalls.update(f.id(), f.name(), rest));
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });
        grid.setItems(f.rules());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private HorizontalLayout addRule(FirewallInfo f) {
        var direction = new Select<String>();
        direction.setLabel(Texts.get("network.firewalls.direction"));
        direction.setItems("in", "out");
        direction.setItemLabelGenerator(d -> Texts.get(directionKey(d)));
        direction.setValue("in");
        direction.setId("firewall-direction-" + f.id());
        var protocol = new Select<String>();
        protocol.setLabel(Texts.get("network.firewalls.protocol"));
        protocol.setItems("tcp", "udp", "icmp");
        protocol.setValue("tcp");
        protocol.setId("firewall-protocol-" + f.id());
        var port = new TextField(Texts.get("network.firewalls.port"));
        port.setPlaceholder(Texts.get("network.firewalls.port-example"));
        port.setId("firewall-port-" + f.id());
        var cidrs = new TextField(Texts.get("network.firewalls.addresses"));
        cidrs.setValue("0.0.0.0/0, ::/0"); // everyone, over both families
        cidrs.setHelperText(Texts.get("network.firewalls.addresses-help"));
        cidrs.setId("firewall-cidrs-" + f.id());
        var add = new Button(Texts.get("network.firewalls.add-rule"), VaadinIcon.PLUS.create(), e -> {
            List<FirewallRule> rules = new ArrayList<>(f.rules());
            rules.add(new FirewallRule(direction.getValue(), protocol.getValue(), port.getValue(),
                    Arrays.stream(cidrs.getValue().split("[,\\s]+")).filter(s -> !s.isBlank()).toList()));
            try {
                firewalls.update(f.id(), f.name(), rules);
                refresh();
                Notices.done(Texts.get("network.firewalls.saved"));
            } catch (PanelException ex) {
                port.setInvalid(true);
                port.setErrorMessage(Texts.of(ex));
            }
        });
        add.setId("firewall-add-rule-" + f.id());
        var row = new HorizontalLayout(direction, protocol, port, cidrs, add);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Div attachments(FirewallInfo f, List<ServerInfo> mine) {
        var box = new Div();
        box.add(new H3(Texts.get("network.firewalls.servers")));
        for (FirewallInfo.Attached a : f.servers()) {
            var status = new Span(Texts.get(statusKey(a.status())));
            status.getElement().getThemeList().add("applied".equals(a.status()) ? "badge success" : "badge contrast");
            status.setId("firewall-status-" + f.id() + "-" + a.serverId());
            var detach = new Button(Texts.get("network.firewalls.detach"), e -> act(() -> firewalls.detach(f.id(), a.serverId())));
            detach.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            detach.setId("firewall-detach-" + f.id() + "-" + a.serverId());
            var row = new HorizontalLayout(new Span(a.serverName()), status, detach);
            row.setAlignItems(Alignment.BASELINE);
            box.add(row);
        }
        var server = new Select<ServerInfo>();
        server.setLabel(Texts.get("network.firewalls.server"));
        server.setItems(mine.stream().filter(s -> f.servers().stream().noneMatch(a -> a.serverId() == s.id())).toList());
        server.setItemLabelGenerator(ServerInfo::name);
        server.setId("firewall-server-" + f.id());
        var attach = new Button(Texts.get("network.firewalls.attach"), e -> {
            if (server.getValue() != null) {
                act(() -> firewalls.attach(f.id(), server.getValue().id()));
            }
        });
        attach.setId("firewall-attach-" + f.id());
        var row = new HorizontalLayout(server, attach);
        row.setAlignItems(Alignment.BASELINE);
        box.add(row);
        return box;
    }

    private static String directionKey(String direction) {
        return "in".equals(direction) ? "network.firewalls.inbound" : "network.firewalls.outbound";
    }

    /** The words for an attachment's status, "applied" or "pending" (shared with the server page). */
    static String statusKey(String status) {
        return "applied".equals(status) ? "network.firewalls.applied" : "network.firewalls.pending";
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (PanelException ex) {
            Notices.error(Texts.of(ex));
        }
    }

    @Override
    public String getPageTitle() {
        return Texts.get("network.firewalls.title");
    }
}
