package com.virtpanel.backup.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.backup.BackupService;
import com.virtpanel.backup.BackupStatus;
import com.virtpanel.backup.KeptBackup;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import jakarta.annotation.security.PermitAll;

/**
 * "Kept backups": backups the customer kept when deleting their servers (staff see everyone's):
 * restore one into a new server, or delete it.
 */
@Route("backups/kept")
@Menu(title = "menu.kept-backups", order = 4, icon = "vaadin:archive")
@PermitAll
public class KeptBackupsView extends VerticalLayout implements HasDynamicTitle {

    private final BackupService backups;
    private final Grid<KeptBackup> grid = new Grid<>();

    public KeptBackupsView(BackupService backups) {
        this.backups = backups;
        addClassName("page");
        var intro = new Paragraph(Texts.get("backup.kept.intro"));
        intro.addClassName("muted");
        grid.setId("kept-backups");
        grid.setAllRowsVisible(true);
        grid.addColumn(KeptBackup::serverName).setHeader(Texts.get("backup.kept.server")).setAutoWidth(true);
        grid.addColumn(k -> Formats.dateTime(k.backup().createdAt())).setHeader(Texts.get("backup.section.created")).setAutoWidth(true);
        grid.addColumn(k -> Formats.bytes(k.backup().sizeBytes())).setHeader(Texts.get("backup.section.size")).setAutoWidth(true);
        grid.addColumn(k -> Texts.get("backup.kind." + k.backup().kind().apiName())).setHeader(Texts.get("backup.section.kind"));
        grid.addColumn(k -> Texts.get("backup.status." + k.backup().status().apiName())).setHeader(Texts.get("backup.section.status"));
        grid.addComponentColumn(this::actions).setHeader(Texts.get("backup.section.actions")).setAutoWidth(true);
        add(new H2(Texts.get("backup.kept.title")), intro, grid);
        refresh();
    }

    private Component actions(KeptBackup k) {
        long id = k.backup().id();
        String madeAt = Formats.dateTime(k.backup().createdAt());
        var restore = new Button(Texts.get("backup.section.restore-new"),
                e -> new RestoreIntoNewDialog(madeAt, name -> backups.restoreKept(id, name), this::refresh).open());
        restore.setId("kept-restore-" + id);
        restore.setEnabled(k.backup().status() == BackupStatus.OK);
        var delete = new Button(Texts.get("backup.section.delete"), e -> {
            var dialog = new ConfirmDialog(Texts.get("backup.section.delete"), Texts.get("backup.section.delete-question", madeAt),
                    Texts.get("backup.section.delete"), ok -> {
                        try {
                            backups.deleteKept(id);
                            Notices.done(Texts.get("backup.section.deleted"));
                        } catch (PanelException refused) {
                            Notices.error(Texts.of(refused));
                        }
                        refresh();
                    });
            dialog.setCancelable(true);
            dialog.setCancelText(Texts.get("backup.section.cancel"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        delete.setId("kept-delete-" + id);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(restore, delete);
    }

    private void refresh() {
        grid.setItems(backups.kept());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("backup.kept.title");
    }
}
