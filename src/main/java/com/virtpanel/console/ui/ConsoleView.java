package com.virtpanel.console.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.console.ConsoleTicket;
import com.virtpanel.console.ConsoleTickets;
import com.virtpanel.server.ServerAction;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;

/**
 * A server's console, full window (opened in its own tab from the server page). Each connect
 * and reconnect takes a fresh single-use ticket bound to this session.
 */
@Route(value = "servers/:id/console", autoLayout = false)
@PermitAll
public class ConsoleView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ServerService servers;
    private final ConsoleTickets tickets;
    private final Clock clock;

    private final Span name = new Span();
    private final Span status = new Span();
    private final Button ctrlAltDel = button("console-cad", Texts.get("console.console-view.ctrl-alt-del"), VaadinIcon.KEYBOARD);
    private final Button paste = button("console-paste", Texts.get("console.console-view.paste-text"), VaadinIcon.PASTE);
    private final Checkbox scale = new Checkbox(Texts.get("console.console-view.scale-window"), true);
    private final Button reconnect = button("console-reconnect", Texts.get("console.console-view.reconnect"), VaadinIcon.REFRESH);
    private final VncConsole screen = new VncConsole();
    private long id;
    private String title = Texts.get("console.console-view.console-virtpanel");
    private ConsoleTicket ticket;

    public ConsoleView(ServerService servers, ConsoleTickets tickets, Clock clock) {
        this.servers = servers;
        this.tickets = tickets;
        this.clock = clock;
        getElement().setAttribute("theme", "dark"); // Lumo's dark palette for the toolbar over a black screen
        getStyle().set("display", "flex").set("flex-direction", "column").set("height", "100vh").set("width", "100vw")
                .set("background", "#111").set("color", "#eee").set("overflow", "hidden");
        name.setId("console-server");
        name.getStyle().set("font-weight", "600");
        status.setId("console-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        scale.setId("console-scale");
        var bar = new HorizontalLayout(name, status, ctrlAltDel, paste, scale, reconnect);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.setFlexGrow(1, status);
        bar.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("flex", "none")
                .set("background", "#1e1e1e");
        add(bar, screen);

        ctrlAltDel.addClickListener(e -> screen.sendCtrlAltDel());
        paste.addClickListener(e -> screen.readClipboard(this::openPaste));
        scale.addValueChangeListener(e -> screen.setScale(e.getValue()));
        reconnect.addClickListener(e -> connect());
        screen.onStatus(this::show);
        screen.setScale(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        ServerInfo server = servers.get(id); // someone else's server ends in the not-found page
        title = Texts.get("console.console-view.console") + server.name();
        name.setText(server.name());
        connect();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void connect() {
        try {
            ticket = tickets.forSession(id, VaadinSession.getCurrent().getSession().getId());
            screen.connect(ticket.path());
        } catch (NotFoundException gone) {
            ticket = null;
            state("gone", Texts.get("console.console-view.server-no-longer-exists"));
        } catch (PanelException e) {
            ticket = null;
            state(stopped() ? "stopped" : "refused", stopped() ? Texts.get("console.console-view.server-stopped-start-then") : Texts.of(e));
        }
    }

    private void show(VncConsole.Status s) {
        switch (s.state()) {
            case "connecting" -> state("connecting", Texts.get("console.connecting"));
            case "connected" -> state("connected", Texts.get("console.connected"));
            default -> state(ended(s));
        }
    }

    /** The close code says why, when the proxy ended it; otherwise the server's state does. */
    private String[] ended(VncConsole.Status s) {
        switch (s.code()) {
            case 4001:
                return new String[] {"stopped", Texts.get("console.console-view.server-stopped")};
            case 4002:
                return new String[] {"gone", Texts.get("console.console-view.server-being-deleted-reinstalled")};
            case 4003:
                return new String[] {"ended", Texts.get("console.console-view.console-access-ended")};
            case 1001:
                return new String[] {"disconnected", Texts.get("console.console-view.panel-restarted-press-reconnect")};
            default:
                break;
        }
        if (stopped()) {
            return new String[] {"stopped", Texts.get("console.console-view.server-stopped")};
        }
        if (!s.wasConnected() && ticket != null && clock.instant().isAfter(ticket.expiresAt())) {
            return new String[] {"expired", Texts.get("console.console-view.ticket-expired-press-reconnect")};
        }
        return s.wasConnected() ? new String[] {"disconnected", Texts.get("console.console-view.disconnected-press-reconnect")}
                : new String[] {"refused", Texts.get("console.console-view.could-not-connect-press")};
    }

    private boolean stopped() {
        try {
            return !ServerAction.CONSOLE.permits(servers.get(id).status());
        } catch (PanelException e) {
            return true;
        }
    }

    private void state(String... stateAndText) {
        status.getElement().setAttribute("data-state", stateAndText[0]);
        status.setText(stateAndText[1]);
        boolean live = "connected".equals(stateAndText[0]);
        ctrlAltDel.setEnabled(live);
        paste.setEnabled(live);
    }

    /** Shows the clipboard's text (if the browser lets us read it) to check before typing it. */
    private void openPaste(String clipboard) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(Texts.get("console.console-view.type-text-console"));
        var text = new TextArea(Texts.get("console.console-view.text-each-line-ends"));
        text.setId("console-paste-text");
        text.setWidth("32em");
        text.setValue(clipboard == null ? "" : clipboard);
        var send = new Button(Texts.get("console.console-view.type"), e -> {
            screen.sendText(text.getValue());
            dialog.close();
        });
        send.setId("console-paste-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER).withModifiers(com.vaadin.flow.component.KeyModifier.CONTROL);
        var cancel = new Button(Texts.get("console.console-view.cancel"), e -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, send);
        dialog.open();
        text.focus();
    }

    private static Button button(String id, String label, VaadinIcon icon) {
        var b = new Button(label, icon.create());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }
}
