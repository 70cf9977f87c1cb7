package com.virtpanel.server.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.SshKeyInfo;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The order wizard: plan → image → hostname → access → summary. The order key is made when
 * the wizard opens, so a second click or a resubmission returns the same server.
 */
@Route("order")
@Menu(title = "menu.order", order = 2, icon = "vaadin:plus-circle")
@PermitAll
public class OrderView extends VerticalLayout implements HasDynamicTitle {

    private static final String[] STEPS = {"server.order.step.plan", "server.order.step.image", "server.order.step.hostname",
        "server.order.step.access", "server.order.step.summary"};

    private final ServerOrders orders;
    private final String orderKey = UUID.randomUUID().toString();
    private final List<PlanInfo> plans;
    private final List<ImageInfo> images;
    private final List<SshKeyInfo> savedKeys;

    private final HorizontalLayout stepper = new HorizontalLayout();
    private final Div content = new Div();
    private final Span error = new Span();
    private final Button back = new Button(Texts.get("server.order-view.back"));
    private final Button next = new Button(Texts.get("server.order-view.next"));
    private final Button order = new Button(Texts.get("server.order-view.order-now"));

    private final TextField hostname = new TextField(Texts.get("server.order-view.hostname"));
    private final CheckboxGroup<SshKeyInfo> keys = new CheckboxGroup<>(Texts.get("server.order-view.saved-ssh-keys"));
    private final TextArea newKey = new TextArea(Texts.get("server.guest-dialogs.paste-public-key"));
    private final PasswordField password = new PasswordField(Texts.get("server.order-view.root-password-optional"));
    private final TextArea userData = new TextArea(Texts.get("server.order-view.user-data"));

    private int step;
    private PlanInfo plan;
    private ImageInfo image;

    public OrderView(ServerOrders orders, CatalogService catalog, SshKeyService sshKeys) {
        this.orders = orders;
        this.plans = catalog.plans();
        this.images = catalog.images();
        this.savedKeys = sshKeys.mine();
        addClassName("page");
        stepper.setId("order-steps");
        error.setId("order-error");
        error.addClassName("banner");
        error.addClassName("banner-warning");
        error.setVisible(false);
        back.addClickListener(e -> go(step - 1));
        next.addClickListener(e -> go(step + 1));
        back.setId("back");
        next.setId("next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        order.setId("place-order");
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        order.setDisableOnClick(true);
        order.addClickListener(e -> placeOrder());
        hostname.setId("hostname");
        hostname.setHelperText(Texts.get("server.order-view.letters-digits-dashes-example"));
        hostname.setWidth("24em");
        keys.setId("saved-keys");
        keys.setItems(savedKeys);
        keys.setItemLabelGenerator(k -> k.name() + " (" + k.fingerprint() + ")");
        keys.setVisible(!savedKeys.isEmpty());
        newKey.setId("new-key");
        newKey.setWidthFull();
        newKey.setPlaceholder(Texts.get("server.order-view.ssh-ed25519-aaaa-laptop"));
        password.setId("root-password");
        password.setHelperText(Texts.get("server.order-view.at-least-10-characters"));
        password.setWidth("24em");
        userData.setId("user-data");
        userData.setWidthFull();
        userData.setHelperText(Texts.get("server.order-view.user-data-help"));
        userData.setPlaceholder("#cloud-config");
        if (savedKeys.size() == 1) {
            keys.select(savedKeys.get(0));
        }
        add(new H2(Texts.get("server.order-view.order-server")), stepper, error, content, new HorizontalLayout(back, next, order));
        go(0);
    }

    private void go(int target) {
        if (target > step && !validate(step)) {
            return;
        }
        step = Math.max(0, Math.min(STEPS.length - 1, target));
        error.setVisible(false);
        stepper.removeAll();
        for (int i = 0; i < STEPS.length; i++) {
            var label = new Span((i + 1) + ". " + Texts.get(STEPS[i]));
            label.getElement().getThemeList().add(i == step ? "badge primary" : i < step ? "badge success" : "badge contrast");
            stepper.add(label);
        }
        content.removeAll();
        content.add(switch (step) {
            case 0 -> planStep();
            case 1 -> imageStep();
            case 2 -> new VerticalLayout(new H3(Texts.get("server.order.choose-hostname")), hostname);
            case 3 -> new VerticalLayout(new H3(Texts.get("server.order.how-log-in")), keys, newKey, password, userData);
            default -> summary();
        });
        back.setEnabled(step > 0);
        next.setVisible(step < STEPS.length - 1);
        order.setVisible(step == STEPS.length - 1);
    }

    private boolean validate(int current) {
        try {
            switch (current) {
                case 0 -> require(plan != null, "plan", Texts.get("server.order.choose-plan-first"));
                case 1 -> require(image != null, "image", Texts.get("server.order.choose-image-first"));
                case 2 -> hostname.setValue(orders.checkName(hostname.getValue()));
                case 3 -> require(!sshKeyLines().isEmpty() || !password.getValue().isEmpty(), "ssh_keys",
                        Texts.get("server.order-view.choose-paste-ssh-key"));
                default -> { }
            }
            return true;
        } catch (PanelException e) {
            showError(Texts.of(e));
            return false;
        }
    }

    private Component planStep() {
        var cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        for (PlanInfo p : plans) {
            cards.add(card("plan-" + p.name(), p.title(), p == plan, e -> {
                plan = p;
                go(0);
            }, Texts.get(p.summaryMessage()), Texts.get("server.order-view.cpu-cap") + p.cpuCapPercent() + " %" + (p.bursts() ? Texts.get("server.order-view.baseline") + p.burstBaselinePercent() + " %)" : ""),
                    p.diskIops() + Texts.get("server.order-view.iops") + p.diskMbps() + Texts.get("server.order-view.mb-disk"), p.netMbps() + Texts.get("server.order-view.mbit") + p.trafficGib() + Texts.get("server.order-view.gib-traffic"),
                    Texts.get(p.priceMessage())));
        }
        return new VerticalLayout(new H3(Texts.get("server.order-view.choose-plan")), cards);
    }

    private Component imageStep() {
        var cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        for (ImageInfo i : images) {
            cards.add(card("image-" + i.name(), i.title(), i == image, e -> {
                image = i;
                go(1);
            }, i.detected().isBlank() ? i.osFamily().name().toLowerCase() : i.detected()));
        }
        return new VerticalLayout(new H3(Texts.get("server.order-view.choose-operating-system")), cards);
    }

    private Component summary() {
        var list = new Div();
        list.addClassName("spec-grid");
        list.setId("order-summary");
        row(list, Texts.get("server.order-view.plan"), plan.title() + " — " + Texts.get(plan.summaryMessage()));
        row(list, Texts.get("server.order-view.price"), Texts.get(plan.priceMessage()));
        row(list, Texts.get("server.order-view.image"), image.title());
        row(list, Texts.get("server.order-view.hostname"), hostname.getValue());
        row(list, Texts.get("server.order-view.ssh-keys"), String.valueOf(sshKeyLines().size()));
        row(list, Texts.get("server.guest-dialogs.root-password"), password.getValue().isEmpty() ? Texts.get("server.order-view.not-set") : Texts.get("server.order-view.set"));
        row(list, Texts.get("server.order-view.user-data"), Texts.get(userData.getValue().isBlank() ? "server.order-view.none" : "server.order-view.given"));
        return new VerticalLayout(new H3(Texts.get("server.order-view.check-order")), list,
                new Paragraph(Texts.get("server.order-view.server-starts-within-seconds")));
    }

    private void placeOrder() {
        try {
            ServerInfo server = orders.order(new OrderRequest(hostname.getValue(), plan.name(), image.name(), sshKeyLines(),
                    password.getValue().isEmpty() ? null : password.getValue(), orderKey, userData.getValue()));
            getUI().ifPresent(ui -> ui.navigate("servers/" + server.id()));
        } catch (PanelException e) {
            order.setEnabled(true);
            showError(Texts.of(e));
        }
    }

    private List<String> sshKeyLines() {
        var lines = new ArrayList<String>();
        keys.getSelectedItems().forEach(k -> lines.add(k.publicKey()));
        newKey.getValue().lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidInputException(field, message);
        }
    }

    private static Div card(String id, String title, boolean selected,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Div>> onClick, String... lines) {
        var card = new Div();
        card.setId(id);
        card.addClassName("choice-card");
        if (selected) {
            card.addClassName("selected");
        }
        card.add(new H3(title));
        for (String line : lines) {
            var p = new Paragraph(line);
            p.addClassName("muted");
            card.add(p);
        }
        card.addClickListener(onClick);
        return card;
    }

    private static void row(Div list, String label, String value) {
        var dt = new Span(label);
        dt.addClassName("muted");
        list.add(dt, new Span(value));
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.order");
    }
}
