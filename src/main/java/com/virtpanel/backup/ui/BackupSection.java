package com.virtpanel.backup.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import com.virtpanel.backup.BackupInfo;
import com.virtpanel.backup.BackupService;
import com.virtpanel.backup.BackupStatus;
import com.virtpanel.backup.BackupUpdates;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ui.section.ServerPageSection;
import com.virtpanel.server.ui.section.ServerPageTab;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The server page's backups: "Back up now", the list (time, size, kind, consistency, status,
 * and how far a running one is) and Restore / Delete per backup. Changes made on this instance
 * (a backup started, its progress, its end) are pushed to the page as they happen; a backup run
 * by another instance shows on the server page's own poll.
 */
@org.springframework.stereotype.Component
@Order(8)
class BackupSection implements ServerPageSection {

    private final BackupService backups;
    private final BackupUpdates updates;

    BackupSection(BackupService backups, BackupUpdates updates) {
        this.backups = backups;
        this.updates = updates;
    }

    @Override
    public ServerPageTab tab() {
        return ServerPageTab.BACKUPS;
    }

    @Override
    public Optional<Component> section(ServerInfo server) {
        try {
            return Optional.of(new Box(server.id(), backups.list(server.id())));
        } catch (PanelException gone) {
            return Optional.empty();
        }
    }

    private final class Box extends Div {

        private final long serverId;
        private final Grid<BackupInfo> grid = new Grid<>();
        private boolean running;
        private Runnable unsubscribe;
        private Registration polling;

        Box(long serverId, List<BackupInfo> initial) {
            this.serverId = serverId;
            setId("backups");
            var now = new Button(Texts.get("backup.section.back-up-now"), VaadinIcon.DATABASE.create(), e -> act(() -> {
                backups.backUpNow(serverId);
                Notices.done(Texts.get("backup.section.started"));
            }));
            now.setId("back-up-now");
            var refresh = new Button(Texts.get("backup.section.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
            refresh.setId("backups-refresh");
            grid.setId("backup-list");
            grid.setAllRowsVisible(true);
            grid.addColumn(b -> Formats.dateTime(b.createdAt())).setHeader(Texts.get("backup.section.created")).setAutoWidth(true);
            grid.addColumn(b -> Formats.bytes(b.sizeBytes())).setHeader(Texts.get("backup.section.size")).setAutoWidth(true);
            grid.addColumn(b -> Texts.get("backup.kind." + b.kind().apiName())).setHeader(Texts.get("backup.section.kind"));
            grid.addColumn(b -> Texts.get("backup.consistency." + b.consistency())).setHeader(Texts.get("backup.section.consistency"));
            grid.addColumn(Box::status).setHeader(Texts.get("backup.section.status")).setFlexGrow(1);
            grid.addComponentColumn(this::actions).setHeader(Texts.get("backup.section.actions")).setAutoWidth(true);
            var daily = new Paragraph(backups.daily(serverId)
                    .map(d -> Texts.get("backup.section.daily", d.startsAt().toString(), d.zone().getId(), d.slots()))
                    .orElse(Texts.get("backup.section.no-daily")));
            daily.setId("backups-daily");
            daily.addClassName("muted");
            add(new H3(Texts.get("backup.section.title")), daily, new HorizontalLayout(now, refresh), grid);
            show(initial);
            addAttachListener(attach -> {
                listen(attach.getUI());
                if (!attach.isInitialAttach()) {
                    refresh(); // shown again (its tab was closed): what changed meanwhile was not heard
                }
            });
        }

        private static String status(BackupInfo b) {
            if (b.status() == BackupStatus.RUNNING && b.progress() != null) {
                return Texts.get("backup.section.running-progress", b.progress());
            }
            return Texts.get("backup.status." + b.status().apiName()) + (b.detail() == null ? "" : ": " + Texts.get(b.detail()));
        }

        /**
         * Changes to this server's backups made on this instance are pushed; while one runs, the
         * page's poll (set by the server page) looks too, for a backup another instance runs.
         */
        private void listen(UI ui) {
            stopListening();
            unsubscribe = updates.subscribe(change -> {
                if (change.serverId() == serverId) {
                    try {
                        ui.access(this::refresh);
                    } catch (com.vaadin.flow.component.UIDetachedException closed) {
                        // the page went away between the change and the push
                    }
                }
            });
            polling = ui.addPollListener(e -> {
                if (running) {
                    refresh();
                }
            });
        }

        private void stopListening() {
            if (unsubscribe != null) {
                unsubscribe.run();
                unsubscribe = null;
            }
            if (polling != null) {
                polling.remove();
                polling = null;
            }
        }

        private Component actions(BackupInfo b) {
            var restore = new Button(Texts.get("backup.section.restore"), e -> confirm(Texts.get("backup.section.restore"),
                    Texts.get("backup.section.restore-question", Formats.dateTime(b.createdAt())), false, () -> {
                        backups.restore(serverId, b.id(), "same", null);
                        Notices.done(Texts.get("backup.section.restoring"));
                    }));
            restore.setId("backup-restore-" + b.id());
            restore.setEnabled(b.status() == BackupStatus.OK);
            var restoreNew = new Button(Texts.get("backup.section.restore-new"), e -> new RestoreIntoNewDialog(
                    Formats.dateTime(b.createdAt()), name -> backups.restore(serverId, b.id(), "new", name), this::refresh).open());
            restoreNew.setId("backup-restore-new-" + b.id());
            restoreNew.setEnabled(b.status() == BackupStatus.OK);
            var delete = new Button(Texts.get("backup.section.delete"), e -> confirm(Texts.get("backup.section.delete"),
                    Texts.get("backup.section.delete-question", Formats.dateTime(b.createdAt())), true, () -> {
                        backups.delete(serverId, b.id());
                        Notices.done(Texts.get("backup.section.deleted"));
                    }));
            delete.setId("backup-delete-" + b.id());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setEnabled(b.status() != BackupStatus.RUNNING);
            return new HorizontalLayout(restore, restoreNew, delete);
        }

        private void confirm(String label, String question, boolean destructive, Runnable action) {
            var dialog = new ConfirmDialog(label, question, label, ok -> act(action));
            dialog.setCancelable(true);
            dialog.setCancelText(Texts.get("backup.section.cancel"));
            dialog.setConfirmButtonTheme(destructive ? "error primary" : "primary");
            dialog.open();
        }

        private void act(Runnable action) {
            try {
                action.run();
            } catch (PanelException e) {
                Notices.error(Texts.of(e));
            }
            refresh();
        }

        private void refresh() {
            try {
                show(backups.list(serverId));
            } catch (PanelException gone) {
                // the page itself handles a server that is gone
            }
        }

        private void show(List<BackupInfo> list) {
            grid.setItems(list);
            running = list.stream().anyMatch(b -> b.status() == BackupStatus.RUNNING);
        }

        @Override
        protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
            stopListening();
        }
    }
}
