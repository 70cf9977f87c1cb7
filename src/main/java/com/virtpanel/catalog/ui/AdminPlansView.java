package com.virtpanel.catalog.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "menu.admin-plans", order = 70, icon = "vaadin:package")
@RolesAllowed("ADMIN")
public class AdminPlansView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final Grid<PlanInfo> grid = new Grid<>();

    public AdminPlansView(CatalogService catalog) {
        this.catalog = catalog;
        addClassName("page");
        setMaxWidth("none");
        var create = new Button(Texts.get("catalog.admin-plans-view.new-plan"), VaadinIcon.PLUS.create(), e -> new PlanDialog(null, catalog::createPlan, this::refresh).open());
        create.setId("new-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("plans-grid");
        grid.addColumn(PlanInfo::name).setHeader(Texts.get("catalog.admin-images-view.name")).setAutoWidth(true);
        grid.addColumn(PlanInfo::title).setHeader(Texts.get("catalog.admin-images-view.title")).setAutoWidth(true);
        grid.addColumn(p -> Texts.get(p.summaryMessage())).setHeader(Texts.get("catalog.admin-plans-view.size")).setAutoWidth(true);
        grid.addColumn(p -> Texts.get("unit.percent", p.cpuCapPercent())).setHeader(Texts.get("catalog.admin-plans-view.cpu-cap")).setAutoWidth(true);
        grid.addColumn(p -> p.diskIops() + Texts.get("catalog.admin-plans-view.iops") + p.diskMbps() + Texts.get("catalog.admin-plans-view.mb")).setHeader(Texts.get("catalog.admin-plans-view.disk-i-o")).setAutoWidth(true);
        grid.addColumn(p -> p.netMbps() + Texts.get("catalog.admin-plans-view.mbit") + p.trafficGib() + Texts.get("catalog.admin-plans-view.gib")).setHeader(Texts.get("catalog.admin-plans-view.network")).setAutoWidth(true);
        grid.addColumn(p -> Texts.get(p.priceMessage())).setHeader(Texts.get("catalog.admin-plans-view.price")).setAutoWidth(true);
        grid.addColumn(p -> p.active() ? "active" : "retired").setHeader(Texts.get("catalog.admin-plans-view.state")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        var note = new Paragraph(Texts.get("catalog.admin-plans-view.retired-plans-take-no")
                + Texts.get("catalog.admin-plans-view.plan-that-servers-use"));
        note.addClassName("muted");
        add(new H2(Texts.get("catalog.admin-plans-view.plans")), create, grid, note);
        refresh();
    }

    private HorizontalLayout actions(PlanInfo plan) {
        var edit = small("edit-plan-" + plan.name(), Texts.get("catalog.admin-plans-view.edit"), () -> new PlanDialog(plan, d -> catalog.updatePlan(plan.id(), d), this::refresh).open());
        var toggle = plan.active()
                ? small("retire-plan-" + plan.name(), Texts.get("catalog.admin-plans-view.retire"), () -> run(() -> catalog.retirePlan(plan.id()), Texts.get("catalog.plan-retired", plan.name())))
                : small("reactivate-plan-" + plan.name(), Texts.get("catalog.admin-plans-view.reactivate"), () -> run(() -> catalog.reactivatePlan(plan.id()), Texts.get("catalog.plan-reactivated", plan.name())));
        var delete = small("delete-plan-" + plan.name(), Texts.get("catalog.admin-plans-view.delete"), () -> {
            var confirm = new ConfirmDialog(Texts.get("catalog.admin-plans-view.delete-plan") + plan.name(), Texts.get("catalog.admin-plans-view.plan-removed-good"), Texts.get("catalog.admin-plans-view.delete"),
                    e -> run(() -> catalog.deletePlan(plan.id()), Texts.get("catalog.plan-deleted", plan.name())));
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
            Notices.error(Texts.of(e));
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

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-plans");
    }
}
