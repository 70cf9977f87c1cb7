package com.virtpanel.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.PasskeyDetails;
import com.virtpanel.account.PasskeyService;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.PasskeyScript;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Passkeys: added with the browser's WebAuthn ceremony, listed and removed here. */
class PasskeysPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final PasskeyService passkeys;
    private final Grid<PasskeyDetails> grid = new Grid<>();

    PasskeysPanel(PasskeyService passkeys) {
        this.passkeys = passkeys;
        setPadding(false);
        grid.setId("passkeys");
        grid.addColumn(PasskeyDetails::label).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> p.createdAt() == null ? "" : TIME.format(p.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.addColumn(p -> p.lastUsedAt() == null ? "never" : TIME.format(p.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(p -> {
            var remove = new Button("Remove", e -> {
                try {
                    passkeys.remove(p.id());
                    Notifications.ok("Passkey removed.");
                    refresh();
                } catch (PanelException ex) {
                    Notifications.error(ex.userMessage());
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClassName("passkey-remove");
            return remove;
        });
        grid.setAllRowsVisible(true);
        var name = new TextField("Passkey name");
        name.setId("passkey-label");
        name.setPlaceholder("e.g. Laptop");
        name.setMaxLength(100);
        var add = new Button("Add a passkey", e -> register(name));
        add.setId("passkey-add");
        var row = new HorizontalLayout(name, add);
        row.setAlignItems(Alignment.BASELINE);
        add(new H3("Passkeys"), new Paragraph("Sign in with your device's screen lock or a security key instead of a "
                + "password and code. A passkey counts as both factors."), grid, row);
        refresh();
    }

    private void register(TextField name) {
        String label = name.getValue().trim();
        if (label.isEmpty()) {
            Notifications.error("Give the passkey a name, so you can tell your passkeys apart.");
            return;
        }
        UI ui = UI.getCurrent();
        PasskeyScript.run(ui, "return window.vpPasskeys.register($0)", label).then(Boolean.class,
                ok -> {
                    name.clear();
                    Notifications.ok("Passkey added.");
                    refresh();
                },
                error -> Notifications.error("The passkey was not added: " + error));
    }

    private void refresh() {
        grid.setItems(passkeys.mine());
    }
}
