package com.virtpanel.network.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.network.PtrDetails;
import com.virtpanel.network.ReverseDnsService;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The server page's "Addresses": its IPv4 and IPv6 address, each with its PTR (pending until PowerDNS serves it) and an edit dialog. */
@org.springframework.stereotype.Component
@Order(24)
class AddressesSection implements ServerPageSection {

    private final ReverseDnsService reverseDns;

    AddressesSection(ReverseDnsService reverseDns) {
        this.reverseDns = reverseDns;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.NETWORK;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        List<PtrDetails> addresses;
        try {
            addresses = reverseDns.ofServer(server.id());
        } catch (PanelException gone) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("server-addresses");
        box.add(new H3(Texts.get("network.addresses.title")));
        if (addresses.isEmpty()) {
            box.add(new Paragraph(Texts.get("network.addresses.no-addresses")));
        }
        for (PtrDetails address : addresses) {
            box.add(row(server.id(), address, box));
        }
        return Optional.of(box);
    }

    private Component row(long serverId, PtrDetails address, Div box) {
        String id = "address-" + address.address().replace(':', '-').replace('.', '-');
        var ip = new Span(address.address() + "/" + address.prefix());
        ip.setId(id);
        var row = new HorizontalLayout(ip);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (reverseDns.enabled()) {
            var ptr = new Span(address.ptr() == null ? Texts.get("network.addresses.none") : address.ptr());
            ptr.setId(id + "-ptr");
            row.add(ptr);
            if (address.pending()) {
                var pending = new Span(Texts.get("network.addresses.pending"));
                pending.getElement().getThemeList().add("badge contrast");
                pending.getElement().setAttribute("title", Texts.get("network.addresses.pending-tooltip"));
                pending.setId(id + "-pending");
                row.add(pending);
            }
            var edit = new Button(Texts.get("network.addresses.edit"), e -> edit(serverId, address, row, box));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.setId(id + "-edit");
            row.add(edit);
        }
        return row;
    }

    private void edit(long serverId, PtrDetails address, HorizontalLayout row, Div box) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(Texts.get("network.addresses.dialog-title", address.address()));
        var name = new TextField(Texts.get("network.addresses.ptr"));
        name.setId("ptr-name");
        name.setWidth("24em");
        name.setValue(address.ptr() == null ? "" : address.ptr());
        var save = new Button(Texts.get("network.addresses.save"), e -> {
            name.setInvalid(false);
            try {
                PtrDetails saved = reverseDns.set(serverId, address.address(), name.getValue());
                PtrDetails now = reverseDns.get(serverId, address.address());
                box.replace(row, row(serverId, now, box));
                dialog.close();
                Notices.done(Texts.get("network.addresses.saved", saved.address(), saved.ptr()));
            } catch (InvalidInputException invalid) {
                name.setErrorMessage(Texts.of(invalid));
                name.setInvalid(true);
            } catch (PanelException refused) {
                Notices.error(Texts.of(refused));
            }
        });
        save.setId("ptr-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(Texts.get("network.addresses.cancel"), e -> dialog.close());
        dialog.add(name);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }
}
