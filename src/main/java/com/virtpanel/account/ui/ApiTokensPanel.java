package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
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

/** Personal access tokens for the REST API: created here with an expiry, shown once, revocable. */
class ApiTokensPanel extends VerticalLayout {

    private final ApiTokenService tokens;
    private final Grid<ApiTokenInfo> grid = new Grid<>();

    ApiTokensPanel(ApiTokenService tokens) {
        this.tokens = tokens;
        setPadding(false);
        grid.setId("api-tokens");
        grid.addColumn(ApiTokenInfo::name).setHeader(Texts.get("account.api-tokens-panel.name")).setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader(Texts.get("account.api-tokens-panel.token")).setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.createdAt())).setHeader(Texts.get("account.api-tokens-panel.created")).setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? Texts.get("common.never") : Formats.dateTime(t.expiresAt())).setHeader(Texts.get("account.api-tokens-panel.expires")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? Texts.get("common.never") : Formats.dateTime(t.lastUsedAt())).setHeader(Texts.get("account.api-tokens-panel.last-used")).setAutoWidth(true);
        grid.addColumn(ApiTokensPanel::state).setHeader(Texts.get("account.api-tokens-panel.state")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button(Texts.get("account.api-tokens-panel.revoke"), e -> {
                try {
                    tokens.revoke(t.id());
                } catch (PanelException ex) {
                    Notifications.error(Texts.of(ex));
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
        var name = new TextField(Texts.get("account.api-tokens-panel.token-name"));
        name.setId("token-name");
        var lifetime = new Select<TokenLifetime>();
        lifetime.setId("token-lifetime");
        lifetime.setLabel(Texts.get("account.api-tokens-panel.expires-after"));
        lifetime.setItems(TokenLifetime.values());
        lifetime.setItemLabelGenerator(l -> Texts.get(l.message()));
        lifetime.setValue(TokenLifetime.DEFAULT);
        lifetime.addValueChangeListener(e -> lifetime.setHelperText(e.getValue() == TokenLifetime.NO_EXPIRY
                ? Texts.get("account.api-tokens-panel.works-until-revoke-change") : null));
        var create = new Button(Texts.get("account.api-tokens-panel.create-token"), e -> {
            try {
                var issued = tokens.createPersonal(name.getValue(), lifetime.getValue().duration());
                shown.setText(Texts.get("account.api-tokens-panel.copy-new-token-now") + issued.token());
                shown.setVisible(true);
                name.clear();
                refresh();
            } catch (PanelException ex) {
                Notifications.error(Texts.of(ex));
            }
        });
        create.setId("token-create");
        var row = new HorizontalLayout(name, lifetime, create);
        row.setAlignItems(Alignment.BASELINE);
        add(new H3(Texts.get("account.api-tokens-panel.api-tokens")), new Paragraph(Texts.get("account.api-tokens-panel.use-token-as-authorization")),
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
