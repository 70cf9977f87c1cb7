package com.virtpanel.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.network.FirewallService;
import com.virtpanel.network.ServerFirewall;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The server page's "Firewalls": which are attached and whether the host enforces their current rules. */
@org.springframework.stereotype.Component
@Order(25)
class FirewallSection implements ServerPageSection {

    private final FirewallService firewalls;

    FirewallSection(FirewallService firewalls) {
        this.firewalls = firewalls;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.NETWORK;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        List<ServerFirewall> attached;
        try {
            attached = firewalls.ofServer(server.id());
        } catch (PanelException gone) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("server-firewalls");
        box.add(new H3(Texts.get("network.firewalls.title")));
        if (attached.isEmpty()) {
            box.add(new Paragraph(Texts.get("network.firewall-section.none")));
        }
        for (ServerFirewall f : attached) {
            var status = new Span(Texts.get(FirewallsView.statusKey(f.status())));
            status.getElement().getThemeList().add("applied".equals(f.status()) ? "badge success" : "badge contrast");
            status.setId("server-firewall-" + f.id());
            var row = new HorizontalLayout(new Span(f.name()), status);
            row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            box.add(row);
        }
        box.add(new Anchor("firewalls", Texts.get("network.firewall-section.manage")));
        return Optional.of(box);
    }
}
