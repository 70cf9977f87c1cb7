package com.virtpanel.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import jakarta.annotation.security.RolesAllowed;

/**
 * Plans for admins: create, edit, retire (no new orders; servers keep it) and delete — which
 * the service refuses while servers use the plan.
 */
@Route("admin/plans")
@PageTitle("Plans · Virtpanel")
@Menu(title = "Plans", order = 70, icon = "vaadin:package")
@RolesAllowed("ADMIN")
public class AdminPlansView extends VerticalLayout {

    private final CatalogService catalog;
    private final Grid<PlanInfo> grid = new Grid<>();

    public AdminPlansView(CatalogService catalog) {
        this.catalog = catalog;
        addClassName("page");
        setMaxWidth("none");
        var create = new Button("New plan", VaadinIcon.PLUS.create(), e -> new PlanDialog(null, catalog::createPlan, this::refresh).open());
        create.setId("new-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("plans-grid");
        grid.addColumn(PlanInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(PlanInfo::title).setHeader("Title").setAutoWidth(true);
        grid.addColumn(PlanInfo::summary).setHeader("Size").setAutoWidth(true);
        grid.addColumn(p -> p.cpuCapPercent() + " %").setHeader("CPU cap").setAutoWidth(true);
        grid.addColumn(p -> p.diskIops() + " IOPS, " + p.diskMbps() + " MB/s").setHeader("Disk I/O").setAutoWidth(true);
        grid.addColumn(p -> p.netMbps() + " Mbit/s, " + p.trafficGib() + " GiB").setHeader("Network").setAutoWidth(true);
        grid.addColumn(PlanInfo::price).setHeader("Price").setAutoWidth(true);
        grid.addColumn(p -> p.active() ? "active" : "retired").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        var note = new Paragraph("Retired plans take no new orders; servers on them keep running. "
                + "A plan that servers use cannot be deleted.");
        note.addClassName("muted");
        add(new H2("Plans"), create, grid, note);
        refresh();
    }

    private HorizontalLayout actions(PlanInfo plan) {
        var edit = small("edit-plan-" + plan.name(), "Edit", () -> new PlanDialog(plan, d -> catalog.updatePlan(plan.id(), d), this::refresh).open());
        var toggle = plan.active()
                ? small("retire-plan-" + plan.name(), "Retire", () -> run(() -> catalog.retirePlan(plan.id()), "Plan " + plan.name() + " retired."))
                : small("reactivate-plan-" + plan.name(), "Reactivate", () -> run(() -> catalog.reactivatePlan(plan.id()), "Plan " + plan.name() + " is orderable again."));
        var delete = small("delete-plan-" + plan.name(), "Delete", () -> {
            var confirm = new ConfirmDialog("Delete plan " + plan.name(), "The plan is removed for good.", "Delete",
                    e -> run(() -> catalog.deletePlan(plan.id()), "Plan " + plan.name() + " deleted."));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, toggle, delete);
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notices.done(done);
        } catch (PanelException e) {
            Notices.error(e.userMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(catalog.allPlans());
    }

    private static Button small(String id, String label, Runnable click) {
        var b = new Button(label, e -> click.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }
}
