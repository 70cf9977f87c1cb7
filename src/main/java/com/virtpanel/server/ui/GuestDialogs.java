package com.virtpanel.server.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.SshKeyInfo;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import java.util.function.Consumer;

/**
 * The dialogs of the offline changes on the server page: reset the root password (the new
 * password is shown once), add an SSH key to a stopped server, change the plan. Each starts a
 * background operation whose progress the page shows; errors stay in the dialog.
 */
final class GuestDialogs {

    private final ServerService servers;
    private final ServerChanges changes;
    private final CatalogService catalog;
    private final SshKeyService keys;
    private final Consumer<ServerInfo> show;

    GuestDialogs(ServerService servers, ServerChanges changes, CatalogService catalog, SshKeyService keys,
            Consumer<ServerInfo> show) {
        this.servers = servers;
        this.changes = changes;
        this.catalog = catalog;
        this.keys = keys;
        this.show = show;
    }

    void resetPassword(ServerInfo server) {
        var dialog = dialog(Texts.get("server.guest-dialogs.reset-root-password") + server.name());
        dialog.add(new Paragraph(Texts.get("server.dialogs.new-password-generated") + " "
                + (server.status().apiName().equals("stopped") ? Texts.get("server.guest-dialogs.server-stays-stopped")
                        : Texts.get("server.guest-dialogs.server-shut-down-started"))
                + Texts.get("server.guest-dialogs.password-shown-once-right")));
        var confirm = primary(Texts.get("server.guest-dialogs.reset-password"), "confirm-reset-password");
        confirm.addClickListener(e -> {
            try {
                String password = changes.resetRootPassword(server.id());
                dialog.close();
                showPassword(password);
                show.accept(servers.get(server.id()));
            } catch (PanelException ex) {
                dialog.close();
                Notices.error(Texts.of(ex));
            }
        });
        dialog.getFooter().add(new Button(Texts.get("catalog.image-dialog.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void showPassword(String password) {
        var dialog = dialog(Texts.get("server.guest-dialogs.new-root-password"));
        var field = new TextField(Texts.get("server.guest-dialogs.root-password"));
        field.setId("new-root-password");
        field.setValue(password);
        field.setReadOnly(true);
        field.setWidthFull();
        dialog.add(new Paragraph(Texts.get("server.dialogs.copy-now") + " "
                + Texts.get("server.guest-dialogs.operation-shown-server-page")), field);
        var done = primary(Texts.get("server.guest-dialogs.i-have-copied"), "close-root-password");
        done.addClickListener(e -> dialog.close());
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    void addSshKey(ServerInfo server) {
        var dialog = dialog(Texts.get("server.guest-dialogs.add-ssh-key") + server.name());
        var saved = new ComboBox<SshKeyInfo>(Texts.get("server.guest-dialogs.one-saved-keys"));
        saved.setId("add-key-saved");
        saved.setItems(keys.mine());
        saved.setItemLabelGenerator(k -> k.name() + " (" + k.fingerprint() + ")");
        saved.setWidthFull();
        var pasted = new TextArea(Texts.get("server.guest-dialogs.paste-public-key"));
        pasted.setId("add-key-text");
        pasted.setWidthFull();
        dialog.add(new Paragraph("The key is added to root's authorized_keys on the server's disk; the server stays stopped."),
                saved, pasted);
        var confirm = primary(Texts.get("server.guest-dialogs.add-key"), "confirm-add-key");
        confirm.addClickListener(e -> {
            String key = !pasted.getValue().isBlank() ? pasted.getValue().trim()
                    : saved.getValue() == null ? "" : saved.getValue().publicKey();
            try {
                show.accept(changes.addSshKey(server.id(), key));
                dialog.close();
                Notices.done(Texts.get("server.guest-dialogs.adding-key"));
            } catch (PanelException ex) {
                pasted.setInvalid(true);
                pasted.setErrorMessage(Texts.of(ex));
            }
        });
        dialog.getFooter().add(new Button(Texts.get("catalog.image-dialog.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void changePlan(ServerInfo server) {
        var dialog = dialog(Texts.get("server.guest-dialogs.change-plan") + server.name());
        PlanInfo current = catalog.plan(server.planId());
        var plan = new ComboBox<PlanInfo>(Texts.get("server.guest-dialogs.new-plan"));
        plan.setId("change-plan-choice");
        plan.setItems(catalog.plans().stream().filter(p -> p.id() != current.id()).toList());
        plan.setItemLabelGenerator(p -> p.title() + " (" + Texts.get(p.summaryMessage()) + ", " + Texts.get(p.priceMessage()) + ")");
        plan.setWidthFull();
        dialog.add(new Paragraph(Texts.get("server.dialogs.plan-now", current.title(), Texts.get(current.summaryMessage())) + " "
                + Texts.get("server.guest-dialogs.restarts-server-disk-its")), plan);
        var confirm = primary(Texts.get("server.guest-dialogs.change-plan2"), "confirm-change-plan");
        confirm.addClickListener(e -> {
            if (plan.getValue() == null) {
                plan.setInvalid(true);
                plan.setErrorMessage(Texts.get("server.guest-dialogs.choose-plan"));
                return;
            }
            try {
                show.accept(changes.changePlan(server.id(), plan.getValue().name()));
                dialog.close();
                Notices.done(Texts.get("server.guest-dialogs.changing-plan"));
            } catch (PanelException ex) {
                plan.setInvalid(true);
                plan.setErrorMessage(Texts.of(ex));
            }
        });
        var cancel = new Button(Texts.get("server.confirm-by-name.cancel"), e -> dialog.close());
        cancel.setId("cancel-change-plan");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private static Dialog dialog(String title) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("36em");
        return dialog;
    }

    private static Button primary(String label, String id) {
        var b = new Button(label);
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }
}
