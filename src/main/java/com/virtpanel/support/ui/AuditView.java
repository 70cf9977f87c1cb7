package com.virtpanel.support.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.support.AuditAction;
import com.virtpanel.support.AuditEntry;
import com.virtpanel.support.AuditFilter;
import com.virtpanel.support.AuditService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The audit log for admins, newest first, filtered by who, server, action and time range. */
@Route("admin/audit")
@Menu(title = "menu.audit", order = 60, icon = "vaadin:records")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int LIMIT = 500;

    private final AuditService audit;
    private final TextField who = new TextField(Texts.get("support.audit-view.who"));
    private final IntegerField server = new IntegerField(Texts.get("support.audit-view.server-id"));
    private final ComboBox<AuditAction> action = new ComboBox<>(Texts.get("support.audit-view.action"));
    private final DateTimePicker from = new DateTimePicker(Texts.get("support.audit-view.from"));
    private final DateTimePicker to = new DateTimePicker(Texts.get("support.audit-view.text"));
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();

    public AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("page");
        setMaxWidth("none");
        who.setId("audit-who");
        who.setPlaceholder(Texts.get("support.audit-view.part-email"));
        who.setClearButtonVisible(true);
        server.setId("audit-server");
        server.setMin(1);
        server.setClearButtonVisible(true);
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> Texts.get(a.message()) + " (" + a.code() + ")");
        action.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        var apply = new Button(Texts.get("support.audit-view.filter"), VaadinIcon.FILTER.create(), e -> refresh());
        apply.setId("audit-filter");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var filters = new HorizontalLayout(who, server, action, from, to, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> Formats.dateTime(e.at())).setHeader(Texts.get("support.audit-view.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Texts.get(e.message())).setHeader(Texts.get("support.audit-view.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actorEmail).setHeader(Texts.get("support.audit-view.real-user")).setAutoWidth(true);
        grid.addColumn(e -> e.impersonated() ? e.effectiveEmail() : "").setHeader(Texts.get("support.audit-view.acting-as")).setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? "" : e.reason() + (e.readOnly() ? Texts.get("support.audit-view.read-only") : ""))
                .setHeader(Texts.get("support.audit-view.reason")).setAutoWidth(true);
        grid.addColumn(e -> e.serverId() == null ? "" : e.serverId().toString()).setHeader(Texts.get("support.audit-view.server")).setAutoWidth(true);
        grid.addColumn(e -> join(e.target(), e.detail())).setHeader(Texts.get("support.audit-view.details")).setAutoWidth(true);
        grid.addColumn(e -> e.clientIp() == null ? "" : e.clientIp()).setHeader("IP").setAutoWidth(true);
        grid.setHeight("70vh");
        count.addClassName("muted");
        count.setId("audit-count");
        add(new H2(Texts.get("support.audit-view.audit-log")), filters, count, grid);
        refresh();
    }

    private void refresh() {
        Long serverId = server.getValue() == null ? null : server.getValue().longValue();
        List<AuditEntry> rows = audit.search(new AuditFilter(who.getValue(), serverId, action.getValue(),
                instant(from.getValue()), instant(to.getValue()), LIMIT));
        grid.setItems(rows);
        count.setText(rows.size() >= LIMIT ? Texts.get("support.audit-view.showing-newest") + LIMIT + Texts.get("support.audit-view.entries-narrow-filters-see")
                : rows.size() + Texts.get("support.audit-view.entries"));
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.audit");
    }
}
