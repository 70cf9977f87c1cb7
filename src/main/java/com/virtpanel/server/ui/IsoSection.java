package com.virtpanel.server.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.catalog.IsoInfo;
import com.virtpanel.server.AllowedActions;
import com.virtpanel.server.ServerAction;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerIsos;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerUpdates;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The server page's ISO part: the ISO in the CD-ROM drive, "Boot from ISO" (once, or at every
 * boot) and "Eject"; with a plan that includes them, the customer's own ISOs from a URL. The
 * console is where they install from it.
 */
@org.springframework.stereotype.Component
@Order(5)
class IsoSection implements ServerPageSection {

    private final ServerIsos isos;
    private final ServerService servers;
    private final ServerUpdates updates;

    IsoSection(ServerIsos isos, ServerService servers, ServerUpdates updates) {
        this.isos = isos;
        this.servers = servers;
        this.updates = updates;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.RECOVERY;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        return Optional.of(new Box(server.id()));
    }

    private final class Box extends Div {

        private final long id;
        private final Span attached = new Span();
        private final ComboBox<IsoInfo> choice = new ComboBox<>(Texts.get("server.iso.title"));
        private final Checkbox keep = new Checkbox(Texts.get("server.iso.keep-booting"));
        private final Button boot = new Button(Texts.get("server.iso.boot"), VaadinIcon.DISC.create());
        private final Button eject = new Button(Texts.get("server.iso.eject"), VaadinIcon.EJECT.create());
        /** The choices last sent to the browser. */
        private List<IsoInfo> shown;

        Box(long id) {
            this.id = id;
            setId("iso");
            attached.setId("iso-attached");
            choice.setId("iso-choice");
            choice.setItemLabelGenerator(i -> i.library() ? i.name() : Texts.get("server.iso.own-with-status", i.name(), Texts.get("server.iso.status." + i.status().name().toLowerCase())));
            keep.setId("iso-keep");
            boot.setId("boot-iso");
            eject.setId("eject-iso");
            boot.addClickListener(e -> act(() -> isos.bootIso(id, choice.getValue() == null ? null : choice.getValue().id(),
                    keep.getValue()), Texts.get("server.iso.booting")));
            eject.addClickListener(e -> act(() -> isos.eject(id), Texts.get("server.iso.ejecting")));
            var row = new HorizontalLayout(choice, keep, boot, eject);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            add(new H3(Texts.get("server.iso.title")), attached, row);
            if (isos.mayAddIsos()) {
                add(ownIsoForm());
            }
            LiveServerUpdates.follow(this, updates, event -> {
                if (event.serverId() == id) {
                    refresh();
                }
            }, this::refresh);
            refresh();
        }

        private Component ownIsoForm() {
            var name = new TextField(Texts.get("server.iso.name"));
            name.setId("own-iso-name");
            var url = new TextField(Texts.get("server.iso.url"));
            url.setId("own-iso-url");
            url.setWidth("24em");
            var sha = new TextField(Texts.get("server.iso.sha256-optional"));
            sha.setId("own-iso-sha256");
            var add = new Button(Texts.get("server.iso.add"), VaadinIcon.PLUS.create(), e -> {
                try {
                    isos.addIso(name.getValue(), url.getValue(), sha.getValue());
                    Notices.done(Texts.get("server.iso.downloading", name.getValue()));
                    name.clear();
                    url.clear();
                    sha.clear();
                } catch (PanelException ex) {
                    Notices.error(Texts.of(ex));
                }
                refresh();
            });
            add.setId("own-iso-add");
            var form = new HorizontalLayout(name, url, sha, add);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            return form;
        }

        private void act(java.util.function.Supplier<ServerInfo> action, String done) {
            try {
                action.get();
                Notices.done(done);
            } catch (PanelException e) {
                Notices.error(Texts.of(e));
            }
            refresh();
        }

        /**
         * Replaces the choices only when they changed (an ISO added, or a download's status): a poll
         * that set the same list again would send it all to the browser again, every 4 s.
         */
        private void showChoices(List<IsoInfo> now) {
            if (now.equals(shown)) {
                return;
            }
            shown = now;
            IsoInfo chosen = choice.getValue();
            choice.setItems(now);
            if (chosen != null) {
                now.stream().filter(i -> i.id() == chosen.id()).findFirst().ifPresent(choice::setValue);
            }
        }

        private void refresh() {
            try {
                attached.setText(isos.attached(id).map(a -> Texts.get(a.keepBooting() ? "server.iso.attached-always" : "server.iso.attached-once",
                        a.name())).orElse(Texts.get("server.iso.none-attached")));
                showChoices(isos.isos());
                AllowedActions allowed = servers.allowedActions(id);
                boot.setEnabled(allowed.allowed(ServerAction.BOOT_ISO));
                boot.setTooltipText(Texts.get(allowed.reason(ServerAction.BOOT_ISO)));
                eject.setEnabled(allowed.allowed(ServerAction.EJECT_ISO));
                eject.setTooltipText(Texts.get(allowed.reason(ServerAction.EJECT_ISO)));
            } catch (PanelException gone) {
                // the page itself handles a server that is gone or a host that is unreachable
            }
        }
    }
}
