package com.virtpanel.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.IsoInfo;
import com.virtpanel.catalog.IsoLibrary;
import com.virtpanel.catalog.PlanInfo;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ISO library for admins: add an ISO from a path or URL (checked against its SHA-256 and
 * for the ISO 9660 signature before it is saved), remove one, and choose the plans whose
 * customers may boot their own ISOs from a URL.
 */
@Route("admin/isos")
@Menu(title = "menu.admin-isos", order = 72, icon = "vaadin:disc")
@RolesAllowed("ADMIN")
public class AdminIsosView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final IsoLibrary isos;
    private final Grid<IsoInfo> grid = new Grid<>();
    private final Div running = new Div();

    public AdminIsosView(CatalogService catalog, IsoLibrary isos) {
        this.catalog = catalog;
        this.isos = isos;
        addClassName("page");
        setMaxWidth("none");

        var name = new TextField(Texts.get("catalog.admin-isos.name"));
        name.setId("iso-name");
        var source = new TextField(Texts.get("catalog.admin-isos.path-or-url"));
        source.setId("iso-source");
        source.setWidth("28em");
        var sha256 = new TextField(Texts.get("catalog.admin-isos.sha256"));
        sha256.setId("iso-sha256");
        sha256.setWidth("20em");
        var add = new Button(Texts.get("catalog.admin-isos.add"), VaadinIcon.PLUS.create(), e -> add(name, source, sha256));
        add.setId("add-iso");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, source, sha256, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("isos-grid");
        grid.addColumn(IsoInfo::name).setHeader(Texts.get("catalog.admin-isos.name")).setAutoWidth(true);
        grid.addColumn(i -> i.sizeBytes() == null ? "" : Texts.get("catalog.admin-isos.mib", i.sizeBytes() >> 20)).setHeader(Texts.get("catalog.admin-isos.size")).setAutoWidth(true);
        grid.addColumn(i -> i.sha256() == null ? "" : i.sha256().substring(0, 12) + "…").setHeader(Texts.get("catalog.admin-isos.sha256")).setAutoWidth(true);
        grid.addColumn(IsoInfo::source).setHeader(Texts.get("catalog.admin-isos.source")).setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        var plans = new Grid<PlanInfo>();
        plans.setId("customer-iso-plans");
        plans.addColumn(PlanInfo::title).setHeader(Texts.get("catalog.admin-isos.plan")).setAutoWidth(true);
        plans.addComponentColumn(this::customerIsoBox).setHeader(Texts.get("catalog.admin-isos.own-isos")).setAutoWidth(true);
        plans.setAllRowsVisible(true);
        plans.setItems(catalog.allPlans());

        add(new H2(Texts.get("menu.admin-isos")), form, running, grid, new H3(Texts.get("catalog.admin-isos.own-by-plan")), plans);
        refresh();
    }

    private void add(TextField name, TextField source, TextField sha256) {
        try {
            CompletableFuture<IsoInfo> work = isos.registerInBackground(name.getValue(), source.getValue(), sha256.getValue());
            var line = new Paragraph(Texts.get("catalog.admin-isos.adding", name.getValue()));
            line.addClassName("muted");
            running.add(line);
            UI ui = UI.getCurrent();
            work.whenComplete((iso, error) -> ui.access(() -> {
                running.remove(line);
                if (error == null) {
                    Notices.done(Texts.get("catalog.admin-isos.added", iso.name()));
                } else {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    Notices.error(cause instanceof PanelException p ? Texts.of(p) : Texts.get("catalog.admin-isos.add-failed"));
                }
                refresh();
            }));
            name.clear();
            source.clear();
            sha256.clear();
        } catch (PanelException e) {
            Notices.error(Texts.of(e));
        }
    }

    private Button removeButton(IsoInfo iso) {
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            try {
                isos.removeFromLibrary(iso.id());
                Notices.done(Texts.get("catalog.admin-isos.removed", iso.name()));
            } catch (PanelException ex) {
                Notices.error(Texts.of(ex));
            }
            refresh();
        });
        remove.setId("remove-iso-" + iso.name());
        remove.setTooltipText(Texts.get("catalog.admin-isos.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Checkbox customerIsoBox(PlanInfo plan) {
        var box = new Checkbox(catalog.allowsCustomerIso(plan.id()));
        box.setId("customer-iso-" + plan.name());
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                try {
                    catalog.setCustomerIso(plan.id(), e.getValue());
                } catch (PanelException ex) {
                    Notices.error(Texts.of(ex));
                }
            }
        });
        return box;
    }

    private void refresh() {
        grid.setItems(isos.library());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-isos");
    }
}
