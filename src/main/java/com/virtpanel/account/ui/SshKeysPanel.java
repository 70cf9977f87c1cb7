package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.SshKeyInfo;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.PanelException;

/** Saved SSH public keys, offered in the order wizard. */
class SshKeysPanel extends VerticalLayout {

    private final SshKeyService keys;
    private final Grid<SshKeyInfo> grid = new Grid<>();

    SshKeysPanel(SshKeyService keys) {
        this.keys = keys;
        setPadding(false);
        grid.setId("ssh-keys");
        grid.addColumn(SshKeyInfo::name).setHeader(Texts.get("account.api-tokens-panel.name")).setAutoWidth(true);
        grid.addColumn(SshKeyInfo::type).setHeader(Texts.get("account.ssh-keys-panel.type")).setAutoWidth(true);
        grid.addColumn(SshKeyInfo::fingerprint).setHeader(Texts.get("account.ssh-keys-panel.fingerprint")).setAutoWidth(true);
        grid.addComponentColumn(k -> {
            var remove = new Button(Texts.get("account.passkeys-panel.remove"), e -> {
                try {
                    keys.remove(k.id());
                    refresh();
                } catch (PanelException ex) {
                    Notifications.error(Texts.of(ex));
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });
        grid.setAllRowsVisible(true);
        var name = new TextField(Texts.get("account.api-tokens-panel.name"));
        name.setId("ssh-key-name");
        var key = new TextArea(Texts.get("account.ssh-keys-panel.public-key"));
        key.setId("ssh-key-value");
        key.setWidthFull();
        key.setPlaceholder(Texts.get("account.ssh-keys-panel.ssh-ed25519-aaaa-laptop"));
        var add = new Button(Texts.get("account.ssh-keys-panel.add-key"), e -> {
            try {
                var saved = keys.add(name.getValue(), key.getValue());
                name.clear();
                key.clear();
                refresh();
                Notifications.ok(Texts.get("account.ssh-keys-panel.key-added") + saved.fingerprint());
            } catch (PanelException ex) {
                key.setInvalid(true);
                key.setErrorMessage(Texts.of(ex));
            }
        });
        add.setId("ssh-key-add");
        add(new H3(Texts.get("account.ssh-keys-panel.ssh-keys")), grid, name, key, add);
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.mine());
    }
}
