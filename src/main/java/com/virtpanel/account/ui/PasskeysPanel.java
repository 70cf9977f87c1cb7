package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
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

/** Passkeys: added with the browser's WebAuthn ceremony, listed and removed here. */
class PasskeysPanel extends VerticalLayout {

    private final PasskeyService passkeys;
    private final Grid<PasskeyDetails> grid = new Grid<>();

    PasskeysPanel(PasskeyService passkeys) {
        this.passkeys = passkeys;
        setPadding(false);
        grid.setId("passkeys");
        grid.addColumn(PasskeyDetails::label).setHeader(Texts.get("account.api-tokens-panel.name")).setAutoWidth(true);
        grid.addColumn(p -> p.createdAt() == null ? "" : Formats.dateTime(p.createdAt())).setHeader(Texts.get("account.passkeys-panel.added")).setAutoWidth(true);
        grid.addColumn(p -> p.lastUsedAt() == null ? Texts.get("common.never") : Formats.dateTime(p.lastUsedAt())).setHeader(Texts.get("account.api-tokens-panel.last-used")).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            var remove = new Button(Texts.get("account.passkeys-panel.remove"), e -> {
                try {
                    passkeys.remove(p.id());
                    Notifications.ok(Texts.get("account.passkeys-panel.passkey-removed"));
                    refresh();
                } catch (PanelException ex) {
                    Notifications.error(Texts.of(ex));
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClassName("passkey-remove");
            return remove;
        });
        grid.setAllRowsVisible(true);
        var name = new TextField(Texts.get("account.passkeys-panel.passkey-name"));
        name.setId("passkey-label");
        name.setPlaceholder(Texts.get("account.passkeys-panel.e-g-laptop"));
        name.setMaxLength(100);
        var add = new Button(Texts.get("account.passkeys-panel.add-passkey"), e -> register(name));
        add.setId("passkey-add");
        var row = new HorizontalLayout(name, add);
        row.setAlignItems(Alignment.BASELINE);
        add(new H3(Texts.get("account.passkeys-panel.passkeys")), new Paragraph(Texts.get("account.passkeys-panel.sign-with-device-screen")
                + Texts.get("account.passkeys-panel.password-code-passkey-counts")), grid, row);
        refresh();
    }

    private void register(TextField name) {
        String label = name.getValue().trim();
        if (label.isEmpty()) {
            Notifications.error(Texts.get("account.passkeys-panel.give-passkey-name-so"));
            return;
        }
        UI ui = UI.getCurrent();
        PasskeyScript.run(ui, "return window.vpPasskeys.register($0)", label).then(Boolean.class,
                ok -> {
                    name.clear();
                    Notifications.ok(Texts.get("account.passkeys-panel.passkey-added"));
                    refresh();
                },
                error -> Notifications.error(Texts.get("account.passkeys-panel.passkey-was-not-added") + error));
    }

    private void refresh() {
        grid.setItems(passkeys.mine());
    }
}
