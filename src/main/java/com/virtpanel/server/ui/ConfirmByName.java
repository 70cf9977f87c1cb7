package com.virtpanel.server.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A dialog for destructive actions: the confirm button only enables once the server's name
 * is typed exactly, which stops a click on the wrong server.
 */
class ConfirmByName extends Dialog {

    private final VerticalLayout body = new VerticalLayout();

    ConfirmByName(String title, String serverName, String warning, String confirmLabel, Runnable onConfirm) {
        setHeaderTitle(title);
        var name = new TextField(Texts.get("server.confirm-by-name.type-server-name-confirm"));
        name.setId("confirm-name");
        name.setPlaceholder(serverName);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setWidthFull();
        var confirm = new Button(confirmLabel, e -> {
            close();
            onConfirm.run();
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.setDisableOnClick(true);
        name.addValueChangeListener(e -> confirm.setEnabled(serverName.equals(e.getValue().trim())));
        body.setPadding(false);
        body.add(new Paragraph(warning));
        add(body, name);
        getFooter().add(new Button(Texts.get("server.confirm-by-name.cancel"), e -> close()), confirm);
    }

    /** Extra inputs shown above the name field (the image choice of a reinstall). */
    ConfirmByName with(com.vaadin.flow.component.Component... extra) {
        body.add(extra);
        return this;
    }
}
