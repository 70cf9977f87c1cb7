package com.virtpanel.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.backup.BackupAdministration;
import com.virtpanel.backup.StaffBackup;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every customer's backups for admins (the newest 500): server, customer, when, size, kind,
 * scheduled or the customer's own, status and when last verified; "Verify all" re-reads every
 * good backup against its manifest in the background and flags damaged ones.
 */
@Route("admin/backups")
@Menu(title = "menu.admin-backups", order = 76, icon = "vaadin:archives")
@RolesAllowed("ADMIN")
public class AdminBackupsView extends VerticalLayout implements HasDynamicTitle {

    private final BackupAdministration backups;
    private final Grid<StaffBackup> grid = new Grid<>();

    public AdminBackupsView(BackupAdministration backups) {
        this.backups = backups;
        addClassName("page");
        setMaxWidth("none");
        var intro = new Paragraph(Texts.get("backup.admin.intro"));
        intro.addClassName("muted");
        grid.setId("admin-backups");
        grid.setAllRowsVisible(true);
        grid.addColumn(StaffBackup::serverName).setHeader(Texts.get("backup.admin.server")).setAutoWidth(true);
        grid.addColumn(StaffBackup::accountId).setHeader(Texts.get("backup.admin.customer")).setAutoWidth(true);
        grid.addColumn(b -> Formats.dateTime(b.backup().createdAt())).setHeader(Texts.get("backup.section.created")).setAutoWidth(true);
        grid.addColumn(b -> Formats.bytes(b.backup().sizeBytes())).setHeader(Texts.get("backup.section.size")).setAutoWidth(true);
        grid.addColumn(b -> Texts.get("backup.kind." + b.backup().kind().apiName())).setHeader(Texts.get("backup.section.kind"));
        grid.addColumn(b -> b.scheduledFor() == null ? Texts.get("backup.admin.own") : Texts.get("backup.admin.scheduled"))
                .setHeader(Texts.get("backup.admin.origin")).setAutoWidth(true);
        grid.addColumn(b -> b.backup().progress() != null ? Texts.get("backup.section.running-progress", b.backup().progress())
                : Texts.get("backup.status." + b.backup().status().apiName())).setHeader(Texts.get("backup.section.status"));
        grid.addColumn(b -> b.verifiedAt() == null ? "—" : Formats.dateTime(b.verifiedAt()))
                .setHeader(Texts.get("backup.admin.verified")).setAutoWidth(true);
        var verify = new Button(Texts.get("backup.admin.verify-all"), e -> {
            backups.verifyAllNow();
            Notices.done(Texts.get("backup.admin.verify-started"));
        });
        verify.setId("verify-all");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var refresh = new Button(Texts.get("backup.section.refresh"), e -> refresh());
        refresh.setId("admin-backups-refresh");
        add(new H2(Texts.get("backup.admin.title")), intro, new HorizontalLayout(verify, refresh), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(backups.newest());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("backup.admin.title");
    }
}
