package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.ApiTokenInfo;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.base.PanelException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Personal access tokens for the REST API: created here, shown once, revocable. */
class ApiTokensPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ApiTokenService tokens;
    private final Grid<ApiTokenInfo> grid = new Grid<>();

    ApiTokensPanel(ApiTokenService tokens) {
        this.tokens = tokens;
        setPadding(false);
        grid.setId("api-tokens");
        grid.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.revokedAt() != null ? "revoked" : "active").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setEnabled(t.revokedAt() == null);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        var shown = new Paragraph();
        shown.setId("new-token");
        shown.setVisible(false);
        var name = new TextField("Token name");
        name.setId("token-name");
        var create = new Button("Create token", e -> {
            try {
                var issued = tokens.createPersonal(name.getValue(), null);
                shown.setText("Copy your new token now, it is shown only once: " + issued.token());
                shown.setVisible(true);
                name.clear();
                refresh();
            } catch (PanelException ex) {
                Notifications.error(ex.userMessage());
            }
        });
        create.setId("token-create");
        var row = new HorizontalLayout(name, create);
        row.setAlignItems(Alignment.BASELINE);
        add(new H3("API tokens"), new Paragraph("Use a token as \"Authorization: Bearer …\" with the REST API at /api/v1."),
                grid, row, shown);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }
}
