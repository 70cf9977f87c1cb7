package com.virtpanel.catalog.ui;

import com.virtpanel.base.ui.FieldErrors;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.catalog.Firmware;
import com.virtpanel.catalog.ImageImportRequest;
import com.virtpanel.catalog.ImageImportService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.OsFamily;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** The registration form: what the image is, where to get it, and the checksum it must have. */
class ImageDialog extends Dialog {

    ImageDialog(ImageImportService importer, BiConsumer<String, CompletableFuture<ImageInfo>> started) {
        setHeaderTitle(Texts.get("catalog.image-dialog.register-qcow2-image"));
        var name = new TextField(Texts.get("catalog.image-dialog.name-e-g-debian"));
        name.setId("image-name");
        var title = new TextField(Texts.get("catalog.image-dialog.title-e-g-debian"));
        title.setId("image-title");
        var source = new TextField(Texts.get("catalog.image-dialog.path-host-http-url"));
        source.setId("image-source");
        source.setWidthFull();
        var sha256 = new TextField(Texts.get("catalog.admin-images-view.sha-256"));
        sha256.setId("image-sha256");
        sha256.setHelperText(Texts.get("catalog.image-dialog.from-distribution-sha256sums-file"));
        var family = new Select<OsFamily>();
        family.setLabel(Texts.get("catalog.image-dialog.os-family"));
        family.setItems(OsFamily.values());
        family.setValue(OsFamily.LINUX);
        var firmware = new Select<Firmware>();
        firmware.setLabel(Texts.get("catalog.image-dialog.firmware"));
        firmware.setItems(Firmware.values());
        firmware.setValue(Firmware.BIOS);
        var virtio = new Checkbox(Texts.get("catalog.image-dialog.virtio-devices"), true);
        var minDisk = new IntegerField(Texts.get("catalog.image-dialog.minimum-disk-gib"));
        minDisk.setValue(2);
        var form = new FormLayout(name, title, source, sha256, family, firmware, minDisk, virtio);
        form.setColspan(source, 2);
        form.setColspan(sha256, 2);
        add(form);
        Map<String, HasValidation> byField = Map.of("name", name, "title", title, "source", source, "sha256", sha256,
                "minDiskGib", minDisk);

        var ok = new Button(Texts.get("catalog.image-dialog.register"), e -> FieldErrors.save(byField, () -> {
            var request = new ImageImportRequest(name.getValue().trim(), title.getValue(), family.getValue(),
                    firmware.getValue(), virtio.getValue(), source.getValue(), sha256.getValue(),
                    minDisk.getValue() == null ? 0 : minDisk.getValue());
            started.accept(request.name(), importer.importInBackground(request));
            close();
        }));
        ok.setId("save-image");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(Texts.get("catalog.image-dialog.cancel"), e -> close()), ok);
        setWidth("44em");
    }
}
