package com.virtpanel.server.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.SpecGrid;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.AllowedActions;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.server.ServerUpdates;
import com.virtpanel.server.ServerWithActions;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One server: what it is, what it may use, what it is doing, and the buttons to drive it. Above
 * the tabs, what is always wanted (status, progress, the actions); below, the overview (its specs
 * and the limits in force) and one tab per other concern, whose sections are made when the tab
 * is first opened ({@code ?tab=backups} opens one directly).
 */
@Route("servers/:id")
@PermitAll
public class ServerDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ServerService servers;
    private final ServerPower power;
    private final ServerChanges changes;
    private final CatalogService catalog;
    private final ObjectProvider<ServerPageSection> sections;
    private final Clock clock;
    private final GuestDialogs dialogs;
    private final com.virtpanel.account.CurrentUser currentUser;

    private final H2 title = new H2();
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span activity = new Span();
    private final Span failure = new Span();
    private final Span hostDown = new Span();
    private final SpecGrid specs = new SpecGrid();
    private ServerActions actions;
    private long id;
    private ServerInfo current;

    public ServerDetailView(ServerService servers, ServerPower power, ServerChanges changes, CatalogService catalog,
            SshKeyService keys, ServerUpdates updates, ObjectProvider<ServerPageSection> sections, Clock clock,
            com.virtpanel.account.CurrentUser currentUser) {
        this.currentUser = currentUser;
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
        hostDown.setId("server-host-unreachable");
        hostDown.addClassNames("banner", "banner-warning");
        hostDown.setText(Texts.get("server.server-detail-view.host-unreachable"));
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
        ServerWithActions opening = servers.withActions(id); // not found (or not theirs) ends in the not-found page
        current = opening.info();
        actions = new ServerActions(id);
        wire();
        removeAll();
        ServerPageTab opened = event.getLocation().getQueryParameters().getSingleParameter("tab")
                .flatMap(ServerPageTab::byKey).orElse(ServerPageTab.OVERVIEW);
        add(new HorizontalLayout(title, status), new HorizontalLayout(progress, activity), hostDown, failure, actions,
                tabs(opened));
        show(current, opening.actions());
    }

    /** The address follows the tab the person opens, so a reload or a shared link comes back to it. */
    private ServerPageTabs tabs(ServerPageTab opened) {
        return new ServerPageTabs(sections.orderedStream(), specs, () -> current, opened, tab -> getUI().ifPresent(
                ui -> ui.getPage().getHistory().replaceState(null, "servers/" + id + (tab == ServerPageTab.OVERVIEW ? "" : "?tab=" + tab.key()))));
    }

    private void wire() {
        act(actions.start, power::start, Texts.get("server.server-detail-view.starting"));
        act(actions.shutdown, sid -> {
            ServerInfo v = power.shutdown(sid);
            actions.shutdownRequested(clock.instant());
            return v;
        }, Texts.get("server.server-detail-view.shutdown-requested-server-will"));
        act(actions.forceOff, power::powerOff, Texts.get("server.server-detail-view.forced-off"));
        act(actions.reboot, power::reboot, Texts.get("server.server-detail-view.rebooting"));
        act(actions.reset, power::reset, Texts.get("server.server-actions.reset"));
        act(actions.powerOff, power::powerOff, Texts.get("server.server-detail-view.powered-off"));
        actions.reinstall.addClickListener(e -> openReinstall());
        actions.resetPassword.addClickListener(e -> dialogs.resetPassword(current));
        actions.addSshKey.addClickListener(e -> dialogs.addSshKey(current));
        actions.changePlan.addClickListener(e -> dialogs.changePlan(current));
        actions.delete.addClickListener(e -> openDelete());
    }

    /** Asks for the name, and whether the server's backups are kept (listed under "Kept backups") or go with it. */
    private void openDelete() {
        var keepBackups = new com.vaadin.flow.component.checkbox.Checkbox(Texts.get("server.server-detail-view.keep-backups"));
        keepBackups.setId("delete-keep-backups");
        new ConfirmByName(Texts.get("server.server-detail-view.delete") + current.name(), current.name(),
                Texts.get("server.server-detail-view.server-its-disk-are"), Texts.get("server.server-actions.delete"),
                () -> run(() -> changes.delete(id, keepBackups.getValue()), Texts.get("server.server-detail-view.deleting")))
                .with(keepBackups).open();
    }

    private void openReinstall() {
        var image = new ComboBox<ImageInfo>(Texts.get("server.order-view.image"));
        image.setId("reinstall-image");
        List<ImageInfo> images = catalog.images();
        image.setItems(images);
        image.setItemLabelGenerator(ImageInfo::title);
        images.stream().filter(i -> i.id() == current.imageId()).findFirst().ifPresent(image::setValue);
        var keys = new TextArea(Texts.get("server.server-detail-view.new-ssh-keys-optional"));
        keys.setId("reinstall-keys");
        keys.setWidthFull();
        new ConfirmByName(Texts.get("server.server-detail-view.reinstall") + current.name(), current.name(),
                Texts.get("server.server-detail-view.everything-disk-replaced-by")
                        + Texts.get("server.server-detail-view.old-one-removed-only"), Texts.get("server.server-actions.reinstall"),
                () -> run(() -> {
                    List<String> lines = keys.getValue().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
                    return changes.reinstall(id, image.getValue() == null ? null : image.getValue().name(),
                            lines.isEmpty() ? null : lines, null);
                }, Texts.get("server.server-detail-view.reinstalling"))).with(image, keys).open();
    }

    private void act(com.vaadin.flow.component.button.Button button, LongFunction<ServerInfo> action, String done) {
        button.addClickListener(e -> run(() -> action.apply(id), done));
    }

    private void run(java.util.function.Supplier<ServerInfo> action, String done) {
        try {
            show(action.get());
            Notices.done(done);
        } catch (PanelException e) {
            Notices.error(Texts.of(e));
            refresh();
        }
    }

    private void refresh() {
        try {
            ServerWithActions fresh = servers.withActions(id);
            if (fresh.info().equals(current)) {
                // Nothing moved (most polls): rebuilding the page anyway sent about 10 KiB per poll
                // and session. The buttons may still change (the caller's rights, time).
                actions.update(fresh.actions(), clock);
                return;
            }
            show(fresh.info(), fresh.actions());
        } catch (com.virtpanel.base.NotFoundException gone) {
            getUI().ifPresent(ui -> ui.navigate(ServersView.class));
        } catch (PanelException unreachable) {
            // keep showing the last known state; the layout banner says the host is unreachable
        }
    }

    private void show(ServerInfo s) {
        show(s, servers.allowedActions(s.id()));
    }

    private void show(ServerInfo s, AllowedActions allowed) {
        current = s;
        title.setText(s.name());
        status.removeAll();
        status.add(new StatusBadge(s.status()));
        progress.setVisible(s.busy());
        progress.setValue(s.progress() / 100.0);
        activity.setText(s.activity() == null ? "" : Texts.get(s.activity()) + "…");
        activity.setVisible(s.busy());
        failure.setText(s.failureReason() == null ? "" : Texts.get(s.failureReason()));
        failure.setVisible(s.failureReason() != null);
        hostDown.setVisible(s.hostUnreachable()); // the buttons are off with the reason (allowedActions), this says why at once
        actions.update(allowed, clock);
        PlanInfo plan = catalog.plan(s.planId());
        // the status is the badge above; CPU, disk and network are in "Limits in force" (quota), which
        // says what holds now, throttled or not: the page says each once
        specs.removeAll();
        row("ipv4", "IPv4", s.ipv4() == null ? "—" : s.ipv4());
        row("ipv6", "IPv6", s.ipv6() == null ? "—" : s.ipv6());
        row("plan", Texts.get("server.order-view.plan"), plan.title() + " (" + Texts.get(plan.summaryMessage()) + ")");
        row("image", Texts.get("server.order-view.image"), s.imageTitle());
        if (plan.dedicated()) {
            row("dedicated-cores", Texts.get("server.server-detail-view.dedicated-cores"), dedicatedCores(s));
        }
        row("created", Texts.get("server.server-detail-view.created"), Formats.dateTime(s.createdAt()));
        row("domain", Texts.get("server.server-detail-view.domain"), s.domain());
        // whether there is user data, never its text (it may hold the customer's secrets; support sees this too)
        row("user-data", Texts.get("server.server-detail-view.user-data"), Texts.get(s.userDataGiven() ? "server.order-view.given" : "server.order-view.none"));
        if (s.status() == ServerStatus.DELETED) {
            getUI().ifPresent(ui -> ui.navigate(ServersView.class));
        }
    }

    /** "1 dedicated vCPU" for customers; staff also read which host cores ("… (host core 1)"). */
    private String dedicatedCores(ServerInfo s) {
        String count = s.dedicatedVcpus() == 1 ? Texts.get("server.server-detail-view.dedicated-vcpu-one")
                : Texts.get("server.server-detail-view.dedicated-vcpus", s.dedicatedVcpus());
        boolean staff = currentUser.find().map(com.virtpanel.account.Actor::isStaff).orElse(false);
        return staff && s.dedicatedCores() != null
                ? count + " (" + Texts.get("server.server-detail-view.dedicated-host-cores", s.dedicatedCores()) + ")" : count;
    }

    /** @param id the row's id after "spec-", the same in every language (tests and scripts find rows by it) */
    private void row(String id, String label, String value) {
        specs.row(label, value, "spec-" + id);
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.server-detail");
    }
}
