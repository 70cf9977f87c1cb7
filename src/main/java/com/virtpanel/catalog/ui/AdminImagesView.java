package com.virtpanel.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageImportService;
import com.virtpanel.catalog.ImageInfo;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletionException;

/**
 * OS images for admins: register a qcow2 from a path or URL (checked against its SHA-256 before
 * it is registered), and enable or disable images for new orders and reinstalls.
 */
@Route("admin/images")
@PageTitle("Images · Virtpanel")
@Menu(title = "Images", order = 71, icon = "vaadin:harddrive")
@RolesAllowed("ADMIN")
public class AdminImagesView extends VerticalLayout {

    private final CatalogService catalog;
    private final Grid<ImageInfo> grid = new Grid<>();
    private final Div imports = new Div();

    public AdminImagesView(CatalogService catalog, ImageImportService importer) {
        this.catalog = catalog;
        addClassName("page");
        setMaxWidth("none");
        var register = new Button("Register image", VaadinIcon.PLUS.create(),
                e -> new ImageDialog(importer, this::importing).open());
        register.setId("register-image");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("images-grid");
        grid.addColumn(ImageInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ImageInfo::title).setHeader("Title").setAutoWidth(true);
        grid.addColumn(i -> i.detected().isEmpty() ? "not inspected yet" : i.detected()).setHeader("Detected").setAutoWidth(true);
        grid.addColumn(i -> i.osFamily() + ", " + i.firmware() + (i.virtio() ? ", virtio" : "")).setHeader("Boot").setAutoWidth(true);
        grid.addColumn(i -> i.sha256() == null ? "" : i.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
        grid.addComponentColumn(this::enabledBox).setHeader("Enabled").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        imports.setId("image-imports");
        add(new H2("Images"), register, imports, grid);
        refresh();
    }

    private Checkbox enabledBox(ImageInfo image) {
        var box = new Checkbox(image.enabled());
        box.setId("image-enabled-" + image.name());
        box.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                catalog.setImageEnabled(image.id(), e.getValue());
                Notices.done(image.name() + (e.getValue() ? " enabled." : " disabled: no new orders or reinstalls."));
            } catch (PanelException ex) {
                Notices.error(ex.userMessage());
            }
            refresh();
        });
        return box;
    }

    /** Shows a running import and, when it ends, its result (the view may be gone by then). */
    private void importing(String name, java.util.concurrent.CompletableFuture<ImageInfo> running) {
        var line = new Paragraph("Importing " + name + ": copying and checking its SHA-256…");
        line.addClassName("muted");
        imports.add(line);
        UI ui = UI.getCurrent();
        running.whenComplete((image, error) -> ui.access(() -> {
            imports.remove(line);
            if (error == null) {
                Notices.done("Image " + image.name() + " registered.");
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Notices.error(cause instanceof PanelException p ? p.userMessage()
                        : "The import of " + name + " failed. See the log.");
            }
            refresh();
        }));
    }

    private void refresh() {
        grid.setItems(catalog.allImages());
    }
}
