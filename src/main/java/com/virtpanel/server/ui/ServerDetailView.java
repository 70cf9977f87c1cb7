package com.virtpanel.server.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.SpecGrid;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.ServerPageSection;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.server.ServerUpdates;
import com.virtpanel.server.ServerView;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.beans.factory.ObjectProvider;

/** One server: what it is, what it may use, what it is doing, and the buttons to drive it. */
@Route("servers/:id")
@PageTitle("Server · Virtpanel")
@PermitAll
public class ServerDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ServerService servers;
    private final ServerPower power;
    private final ServerChanges changes;
    private final CatalogService catalog;
    private final ObjectProvider<ServerPageSection> sections;
    private final Clock clock;
    private final GuestDialogs dialogs;

    private final H2 title = new H2();
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span activity = new Span();
    private final Span failure = new Span();
    private final SpecGrid specs = new SpecGrid();
    private final Div extra = new Div();
    private ServerActions actions;
    private long id;
    private ServerView current;

    public ServerDetailView(ServerService servers, ServerPower power, ServerChanges changes, CatalogService catalog,
            SshKeyService keys, ServerUpdates updates, ObjectProvider<ServerPageSection> sections, Clock clock) {
        this.servers = servers;
        this.power = power;
        this.changes = changes;
        this.catalog = catalog;
        this.sections = sections;
        this.clock = clock;
        this.dialogs = new GuestDialogs(servers, changes, catalog, keys, this::show);
        addClassName("page");
        status.setId("server-status");
        activity.setId("server-activity");
        activity.addClassName("muted");
        failure.setId("server-failure");
        failure.addClassNames("banner", "banner-warning");
        specs.setId("server-specs");
        progress.setWidth("20em");
        LiveServerUpdates.attach(this, updates, event -> {
            if (event.serverId() == id) {
                refresh();
            }
        }, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        current = servers.get(id); // not found (or not theirs) ends in the not-found page
        actions = new ServerActions(id);
        wire();
        removeAll();
        add(new HorizontalLayout(title, status), new HorizontalLayout(progress, activity), failure, actions, specs, extra);
        show(current);
        extra.removeAll();
        sections.orderedStream().forEach(s -> s.section(current).ifPresent(extra::add));
    }

    private void wire() {
        act(actions.start, power::start, "Starting");
        act(actions.shutdown, sid -> {
            ServerView v = power.shutdown(sid);
            actions.shutdownRequested(clock.instant());
            return v;
        }, "Shutdown requested: the server will stop when its system has shut down");
        act(actions.forceOff, power::powerOff, "Forced off");
        act(actions.reboot, power::reboot, "Rebooting");
        act(actions.reset, power::reset, "Reset");
        act(actions.powerOff, power::powerOff, "Powered off");
        actions.reinstall.addClickListener(e -> openReinstall());
        actions.resetPassword.addClickListener(e -> dialogs.resetPassword(current));
        actions.addSshKey.addClickListener(e -> dialogs.addSshKey(current));
        actions.changePlan.addClickListener(e -> dialogs.changePlan(current));
        actions.delete.addClickListener(e -> new ConfirmByName("Delete " + current.name(), current.name(),
                "The server and its disk are destroyed for good. This cannot be undone.", "Delete",
                () -> run(() -> changes.delete(id), "Deleting")).open());
    }

    private void openReinstall() {
        var image = new ComboBox<ImageInfo>("Image");
        image.setId("reinstall-image");
        List<ImageInfo> images = catalog.images();
        image.setItems(images);
        image.setItemLabelGenerator(ImageInfo::title);
        images.stream().filter(i -> i.id() == current.imageId()).findFirst().ifPresent(image::setValue);
        var keys = new TextArea("New SSH keys (optional, one per line; empty keeps the current keys)");
        keys.setId("reinstall-keys");
        keys.setWidthFull();
        new ConfirmByName("Reinstall " + current.name(), current.name(),
                "Everything on the disk is replaced by a fresh system. The new disk is prepared first; "
                        + "the old one is removed only once the new one is in place.", "Reinstall",
                () -> run(() -> {
                    List<String> lines = keys.getValue().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
                    return changes.reinstall(id, image.getValue() == null ? null : image.getValue().name(),
                            lines.isEmpty() ? null : lines, null);
                }, "Reinstalling")).with(image, keys).open();
    }

    private void act(com.vaadin.flow.component.button.Button button, LongFunction<ServerView> action, String done) {
        button.addClickListener(e -> run(() -> action.apply(id), done));
    }

    private void run(java.util.function.Supplier<ServerView> action, String done) {
        try {
            show(action.get());
            Notices.done(done);
        } catch (PanelException e) {
            Notices.error(e.userMessage());
            refresh();
        }
    }

    private void refresh() {
        try {
            ServerView fresh = servers.get(id);
            if (fresh.equals(current)) {
                // Nothing moved (most polls): rebuilding the page anyway sent about 10 KiB per poll
                // and session. The buttons may still change (the caller's rights, time).
                actions.update(servers.allowedActions(id), clock);
                return;
            }
            show(fresh);
        } catch (com.virtpanel.base.NotFoundException gone) {
            getUI().ifPresent(ui -> ui.navigate(ServersView.class));
        } catch (PanelException unreachable) {
            // keep showing the last known state; the layout banner says the host is unreachable
        }
    }

    private void show(ServerView s) {
        current = s;
        title.setText(s.name());
        status.removeAll();
        status.add(new StatusBadge(s.status()));
        progress.setVisible(s.busy());
        progress.setValue(s.progress() / 100.0);
        activity.setText(s.activity() == null ? "" : s.activity() + "…");
        activity.setVisible(s.busy());
        failure.setText(s.failureReason() == null ? "" : s.failureReason());
        failure.setVisible(s.failureReason() != null);
        actions.update(servers.allowedActions(s.id()), clock);
        PlanInfo plan = catalog.plan(s.planId());
        specs.removeAll();
        row("Status", s.status().label());
        row("IPv4", s.ipv4() == null ? "—" : s.ipv4());
        row("Plan", plan.title() + " (" + plan.summary() + ")");
        row("Image", s.image());
        row("CPU", "cap " + plan.cpuCapPercent() + " % of one vCPU, weight " + plan.cpuShares());
        row("Disk I/O", plan.diskIops() + " IOPS, " + plan.diskMbps() + " MB/s");
        row("Network", plan.netMbps() + " Mbit/s, " + plan.trafficGib() + " GiB traffic per month");
        row("Created", ServersView.DATE.format(s.createdAt()));
        row("Domain", s.domain());
        if (s.status() == ServerStatus.DELETED) {
            getUI().ifPresent(ui -> ui.navigate(ServersView.class));
        }
    }

    private void row(String label, String value) {
        specs.row(label, value, "spec-" + label.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    }
}
