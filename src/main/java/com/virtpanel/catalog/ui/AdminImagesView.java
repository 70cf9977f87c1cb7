package com.virtpanel.catalog.ui;

import com.virtpanel.base.ui.Texts;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "menu.admin-images", order = 71, icon = "vaadin:harddrive")
@RolesAllowed("ADMIN")
public class AdminImagesView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    private final Grid<ImageInfo> grid = new Grid<>();
    private final Div imports = new Div();

    public AdminImagesView(CatalogService catalog, ImageImportService importer) {
        this.catalog = catalog;
        addClassName("page");
        setMaxWidth("none");
        var register = new Button(Texts.get("catalog.admin-images-view.register-image"), VaadinIcon.PLUS.create(),
                e -> new ImageDialog(importer, this::importing).open());
        register.setId("register-image");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("images-grid");
        grid.addColumn(ImageInfo::name).setHeader(Texts.get("catalog.admin-images-view.name")).setAutoWidth(true);
        grid.addColumn(ImageInfo::title).setHeader(Texts.get("catalog.admin-images-view.title")).setAutoWidth(true);
        grid.addColumn(i -> i.detected().isEmpty() ? Texts.get("catalog.admin-images-view.not-inspected-yet") : i.detected()).setHeader(Texts.get("catalog.admin-images-view.detected")).setAutoWidth(true);
        grid.addColumn(i -> i.osFamily() + ", " + i.firmware() + (i.virtio() ? Texts.get("catalog.admin-images-view.virtio") : "")).setHeader(Texts.get("catalog.admin-images-view.boot")).setAutoWidth(true);
        grid.addColumn(i -> i.sha256() == null ? "" : i.sha256().substring(0, 12) + "…").setHeader(Texts.get("catalog.admin-images-view.sha-256")).setAutoWidth(true);
        grid.addComponentColumn(this::enabledBox).setHeader(Texts.get("catalog.admin-images-view.enabled")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        imports.setId("image-imports");
        add(new H2(Texts.get("catalog.admin-images-view.images")), register, imports, grid);
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
                Notices.done(image.name() + (e.getValue() ? Texts.get("catalog.admin-images-view.enabled2") : Texts.get("catalog.admin-images-view.disabled-no-new-orders")));
            } catch (PanelException ex) {
                Notices.error(Texts.of(ex));
            }
            refresh();
        });
        return box;
    }

    /** Shows a running import and, when it ends, its result (the view may be gone by then). */
    private void importing(String name, java.util.concurrent.CompletableFuture<ImageInfo> running) {
        var line = new Paragraph(Texts.get("catalog.admin-images-view.importing") + name + Texts.get("catalog.admin-images-view.copying-checking-its-sha"));
        line.addClassName("muted");
        imports.add(line);
        UI ui = UI.getCurrent();
        running.whenComplete((image, error) -> ui.access(() -> {
            imports.remove(line);
            if (error == null) {
                Notices.done(Texts.get("catalog.admin-images-view.image") + image.name() + Texts.get("catalog.admin-images-view.registered"));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Notices.error(cause instanceof PanelException p ? Texts.of(p)
                        : Texts.get("catalog.admin-images-view.import") + name + Texts.get("catalog.admin-images-view.failed-see-log"));
            }
            refresh();
        }));
    }

    private void refresh() {
        grid.setItems(catalog.allImages());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-images");
    }
}
