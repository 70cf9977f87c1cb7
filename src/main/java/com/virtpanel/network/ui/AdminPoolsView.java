package com.virtpanel.network.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.base.ui.FieldErrors;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.network.AddressPoolService;
import com.virtpanel.network.PoolDetails;
import com.virtpanel.network.PoolDraft;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Address pools for admins: each pool's size, used, cooling-down and free counts, who holds
 * which address (the row's details), a change of its range, gateway or reserved ranges, and a
 * new pool. The service's checks point at the field at fault; nothing is stored on a refusal.
 */
@Route("admin/pools")
@Menu(title = "menu.admin-pools", order = 75, icon = "vaadin:sitemap")
@RolesAllowed("ADMIN")
public class AdminPoolsView extends VerticalLayout implements HasDynamicTitle {

    private final AddressPoolService pools;
    private final Grid<PoolDetails> grid = new Grid<>();

    public AdminPoolsView(AddressPoolService pools) {
        this.pools = pools;
        addClassName("page");
        setMaxWidth("none");
        grid.setId("pools-grid");
        grid.addColumn(p -> p.family() == 4 ? "IPv4" : "IPv6").setHeader(Texts.get("network.pools.family")).setAutoWidth(true);
        grid.addColumn(PoolDetails::network).setHeader(Texts.get("network.pools.network")).setAutoWidth(true);
        grid.addColumn(PoolDetails::cidr).setHeader(Texts.get("network.pools.cidr")).setAutoWidth(true);
        grid.addColumn(PoolDetails::gateway).setHeader(Texts.get("network.pools.gateway")).setAutoWidth(true);
        grid.addColumn(PoolDetails::reserved).setHeader(Texts.get("network.pools.reserved")).setAutoWidth(true);
        grid.addColumn(PoolDetails::size).setHeader(Texts.get("network.pools.size")).setAutoWidth(true);
        grid.addColumn(PoolDetails::used).setHeader(Texts.get("network.pools.used")).setAutoWidth(true);
        grid.addColumn(PoolDetails::coolingDown).setHeader(Texts.get("network.pools.cooling-down")).setAutoWidth(true);
        grid.addColumn(PoolDetails::free).setHeader(Texts.get("network.pools.free")).setAutoWidth(true);
        grid.addComponentColumn(this::editButton).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(AdminPoolsView::holders));
        grid.setAllRowsVisible(true);
        var note = new Paragraph(Texts.get("network.pools.note"));
        note.addClassName("muted");
        add(new H2(Texts.get("network.pools.title")), grid, note, newPoolForm());
        refresh();
    }

    private static Div holders(PoolDetails pool) {
        var list = new Div();
        list.setId("pool-holders-" + pool.id());
        if (pool.holders().isEmpty()) {
            list.add(new Paragraph(Texts.get("network.pools.no-holders")));
        }
        for (PoolDetails.Holder h : pool.holders()) {
            list.add(new Paragraph(Texts.get(h.resting() ? "network.pools.holder-resting" : "network.pools.holder",
                    h.address(), h.serverName(), h.serverId())));
        }
        return list;
    }

    private Button editButton(PoolDetails pool) {
        var edit = new Button(Texts.get("network.pools.edit"), e -> editDialog(pool).open());
        edit.setId("edit-pool-" + pool.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return edit;
    }

    private Dialog editDialog(PoolDetails pool) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(Texts.get("network.pools.edit-title", pool.cidr(), pool.network()));
        var cidr = field("pool-edit-cidr", "network.pools.cidr", pool.cidr());
        var gateway = field("pool-edit-gateway", "network.pools.gateway", pool.gateway());
        var reserved = reservedArea("pool-edit-reserved", pool.reserved());
        dialog.add(new FormLayout(cidr, gateway, reserved));
        var save = new Button(Texts.get("network.pools.save"), e -> save(Map.of("cidr", cidr, "gateway", gateway, "reserved", reserved),
                () -> pools.update(pool.id(), PoolDraft.change(cidr.getValue(), gateway.getValue(), reserved.getValue())), dialog::close));
        save.setId("pool-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(Texts.get("network.pools.cancel"), e -> dialog.close()), save);
        dialog.setWidth("36em");
        return dialog;
    }

    private VerticalLayout newPoolForm() {
        var family = new Select<Integer>();
        family.setId("pool-family");
        family.setLabel(Texts.get("network.pools.family"));
        family.setItems(4, 6);
        family.setItemLabelGenerator(f -> f == 4 ? "IPv4" : "IPv6");
        family.setValue(4);
        var network = field("pool-network", "network.pools.network", "");
        var cidr = field("pool-cidr", "network.pools.cidr", "");
        var gateway = field("pool-gateway", "network.pools.gateway", "");
        gateway.setHelperText(Texts.get("network.pools.gateway-help"));
        var reserved = reservedArea("pool-reserved", "");
        var add = new Button(Texts.get("network.pools.add"), VaadinIcon.PLUS.create(), e -> save(
                Map.of("family", family, "network", network, "cidr", cidr, "gateway", gateway, "reserved", reserved),
                () -> pools.create(new PoolDraft(family.getValue(), network.getValue(), cidr.getValue(), gateway.getValue(), reserved.getValue())),
                () -> {
                    network.clear();
                    cidr.clear();
                    gateway.clear();
                    reserved.clear();
                }));
        add.setId("pool-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(family, network, cidr, gateway, reserved);
        var section = new VerticalLayout(new H3(Texts.get("network.pools.new")), form, add);
        section.setPadding(false);
        return section;
    }

    /** Runs the change; a refusal for a field is shown next to it, others as a notice; on success the grid is read again. */
    private void save(Map<String, ? extends HasValidation> byField, Supplier<PoolDetails> change, Runnable done) {
        FieldErrors.save(byField, () -> {
            PoolDetails saved = change.get();
            Notices.done(Texts.get("network.pools.saved", saved.cidr()));
            done.run();
            refresh();
        });
    }

    private static TextField field(String id, String label, String value) {
        var f = new TextField(Texts.get(label));
        f.setId(id);
        f.setValue(value);
        return f;
    }

    private static TextArea reservedArea(String id, String value) {
        var area = new TextArea(Texts.get("network.pools.reserved"));
        area.setId(id);
        area.setValue(value);
        area.setHelperText(Texts.get("network.pools.reserved-help"));
        return area;
    }

    private void refresh() {
        grid.setItems(pools.list());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-pools");
    }
}
