package com.virtpanel.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.virtpanel.account.ApiTokenInfo;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.TokenLifetime;
import com.virtpanel.base.PanelException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Personal access tokens for the REST API: created here with an expiry, shown once, revocable. */
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
        grid.addColumn(t -> t.expiresAt() == null ? "never" : TIME.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(ApiTokensPanel::state).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button("Revoke", e -> {
                try {
                    tokens.revoke(t.id());
                } catch (PanelException ex) {
                    Notifications.error(ex.userMessage());
                }
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setEnabled("active".equals(state(t)));
            return revoke;
        });
        grid.setAllRowsVisible(true);
        var shown = new Paragraph();
        shown.setId("new-token");
        shown.setVisible(false);
        var name = new TextField("Token name");
        name.setId("token-name");
        var lifetime = new Select<TokenLifetime>();
        lifetime.setId("token-lifetime");
        lifetime.setLabel("Expires after");
        lifetime.setItems(TokenLifetime.values());
        lifetime.setItemLabelGenerator(TokenLifetime::label);
        lifetime.setValue(TokenLifetime.DEFAULT);
        lifetime.addValueChangeListener(e -> lifetime.setHelperText(e.getValue() == TokenLifetime.NO_EXPIRY
                ? "Works until you revoke it or change your password: anyone who copies it keeps access that long." : null));
        var create = new Button("Create token", e -> {
            try {
                var issued = tokens.createPersonal(name.getValue(), lifetime.getValue().duration());
                shown.setText("Copy your new token now, it is shown only once: " + issued.token());
                shown.setVisible(true);
                name.clear();
                refresh();
            } catch (PanelException ex) {
                Notifications.error(ex.userMessage());
            }
        });
        create.setId("token-create");
        var row = new HorizontalLayout(name, lifetime, create);
        row.setAlignItems(Alignment.BASELINE);
        add(new H3("API tokens"), new Paragraph("Use a token as \"Authorization: Bearer …\" with the REST API at /api/v1."),
                grid, row, shown);
        refresh();
    }

    private static String state(ApiTokenInfo t) {
        if (t.revokedAt() != null) {
            return "revoked";
        }
        return t.expiresAt() != null && !Instant.now().isBefore(t.expiresAt()) ? "expired" : "active";
    }

    void refresh() {
        grid.setItems(tokens.mine());
    }
}
