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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
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
@PageTitle("ISOs · Virtpanel")
@Menu(title = "ISOs", order = 72, icon = "vaadin:disc")
@RolesAllowed("ADMIN")
public class AdminIsosView extends VerticalLayout {

    private final CatalogService catalog;
    private final IsoLibrary isos;
    private final Grid<IsoInfo> grid = new Grid<>();
    private final Div running = new Div();

    public AdminIsosView(CatalogService catalog, IsoLibrary isos) {
        this.catalog = catalog;
        this.isos = isos;
        addClassName("page");
        setMaxWidth("none");

        var name = new TextField("Name");
        name.setId("iso-name");
        var source = new TextField("Path or URL");
        source.setId("iso-source");
        source.setWidth("28em");
        var sha256 = new TextField("SHA-256");
        sha256.setId("iso-sha256");
        sha256.setWidth("20em");
        var add = new Button("Add ISO", VaadinIcon.PLUS.create(), e -> add(name, source, sha256));
        add.setId("add-iso");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, source, sha256, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("isos-grid");
        grid.addColumn(IsoInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(i -> i.sizeBytes() == null ? "" : (i.sizeBytes() >> 20) + " MiB").setHeader("Size").setAutoWidth(true);
        grid.addColumn(i -> i.sha256() == null ? "" : i.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(IsoInfo::source).setHeader("Source").setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        var plans = new Grid<PlanInfo>();
        plans.setId("customer-iso-plans");
        plans.addColumn(PlanInfo::title).setHeader("Plan").setAutoWidth(true);
        plans.addComponentColumn(this::customerIsoBox).setHeader("Own ISOs").setAutoWidth(true);
        plans.setAllRowsVisible(true);
        plans.setItems(catalog.allPlans());

        add(new H2("ISOs"), form, running, grid, new H3("Own ISOs from a URL, by plan"), plans);
        refresh();
    }

    private void add(TextField name, TextField source, TextField sha256) {
        try {
            CompletableFuture<IsoInfo> work = isos.registerInBackground(name.getValue(), source.getValue(), sha256.getValue());
            var line = new Paragraph("Adding " + name.getValue() + "…");
            line.addClassName("muted");
            running.add(line);
            UI ui = UI.getCurrent();
            work.whenComplete((iso, error) -> ui.access(() -> {
                running.remove(line);
                if (error == null) {
                    Notices.done("ISO " + iso.name() + " added.");
                } else {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    Notices.error(cause instanceof PanelException p ? p.userMessage() : "Adding the ISO failed. See the log.");
                }
                refresh();
            }));
            name.clear();
            source.clear();
            sha256.clear();
        } catch (PanelException e) {
            Notices.error(e.userMessage());
        }
    }

    private Button removeButton(IsoInfo iso) {
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            try {
                isos.removeFromLibrary(iso.id());
                Notices.done("ISO " + iso.name() + " removed.");
            } catch (PanelException ex) {
                Notices.error(ex.userMessage());
            }
            refresh();
        });
        remove.setId("remove-iso-" + iso.name());
        remove.setTooltipText("Remove");
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
                    Notices.error(ex.userMessage());
                }
            }
        });
        return box;
    }

    private void refresh() {
        grid.setItems(isos.library());
    }
}
