package com.virtpanel.account.ui;

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
        grid.addColumn(SshKeyInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(SshKeyInfo::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(SshKeyInfo::fingerprint).setHeader("Fingerprint").setAutoWidth(true);
        grid.addComponentColumn(k -> {
            var remove = new Button("Remove", e -> {
                try {
                    keys.remove(k.id());
                    refresh();
                } catch (PanelException ex) {
                    Notifications.error(ex.userMessage());
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });
        grid.setAllRowsVisible(true);
        var name = new TextField("Name");
        name.setId("ssh-key-name");
        var key = new TextArea("Public key");
        key.setId("ssh-key-value");
        key.setWidthFull();
        key.setPlaceholder("ssh-ed25519 AAAA… you@laptop");
        var add = new Button("Add key", e -> {
            try {
                var saved = keys.add(name.getValue(), key.getValue());
                name.clear();
                key.clear();
                refresh();
                Notifications.ok("Key added: " + saved.fingerprint());
            } catch (PanelException ex) {
                key.setInvalid(true);
                key.setErrorMessage(ex.userMessage());
            }
        });
        add.setId("ssh-key-add");
        add(new H3("SSH keys"), grid, name, key, add);
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.mine());
    }
}
