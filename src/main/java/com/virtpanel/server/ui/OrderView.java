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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.SshKeyInfo;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerView;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The order wizard: plan → image → hostname → access → summary. The order key is made when
 * the wizard opens, so a second click or a resubmission returns the same server.
 */
@Route("order")
@PageTitle("Order a server · Virtpanel")
@Menu(title = "Order a server", order = 2, icon = "vaadin:plus-circle")
@PermitAll
public class OrderView extends VerticalLayout {

    private static final String[] STEPS = {"Plan", "Image", "Hostname", "Access", "Summary"};

    private final ServerOrders orders;
    private final String orderKey = UUID.randomUUID().toString();
    private final List<PlanInfo> plans;
    private final List<ImageInfo> images;
    private final List<SshKeyInfo> savedKeys;

    private final HorizontalLayout stepper = new HorizontalLayout();
    private final Div content = new Div();
    private final Span error = new Span();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button order = new Button("Order now");

    private final TextField hostname = new TextField("Hostname");
    private final CheckboxGroup<SshKeyInfo> keys = new CheckboxGroup<>("Your saved SSH keys");
    private final TextArea newKey = new TextArea("Or paste a public key");
    private final PasswordField password = new PasswordField("Root password (optional)");

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
        hostname.setHelperText("Letters, digits and dashes, for example web-1 or db.example.com");
        hostname.setWidth("24em");
        keys.setId("saved-keys");
        keys.setItems(savedKeys);
        keys.setItemLabelGenerator(k -> k.name() + " (" + k.fingerprint() + ")");
        keys.setVisible(!savedKeys.isEmpty());
        newKey.setId("new-key");
        newKey.setWidthFull();
        newKey.setPlaceholder("ssh-ed25519 AAAA… you@laptop");
        password.setId("root-password");
        password.setHelperText("At least 10 characters. Keys are safer; you can use both.");
        password.setWidth("24em");
        if (savedKeys.size() == 1) {
            keys.select(savedKeys.get(0));
        }
        add(new H2("Order a server"), stepper, error, content, new HorizontalLayout(back, next, order));
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
            var label = new Span((i + 1) + ". " + STEPS[i]);
            label.getElement().getThemeList().add(i == step ? "badge primary" : i < step ? "badge success" : "badge contrast");
            stepper.add(label);
        }
        content.removeAll();
        content.add(switch (step) {
            case 0 -> planStep();
            case 1 -> imageStep();
            case 2 -> new VerticalLayout(new H3("Choose a hostname"), hostname);
            case 3 -> new VerticalLayout(new H3("How will you log in?"), keys, newKey, password);
            default -> summary();
        });
        back.setEnabled(step > 0);
        next.setVisible(step < STEPS.length - 1);
        order.setVisible(step == STEPS.length - 1);
    }

    private boolean validate(int current) {
        try {
            switch (current) {
                case 0 -> require(plan != null, "plan", "Choose a plan.");
                case 1 -> require(image != null, "image", "Choose an image.");
                case 2 -> hostname.setValue(orders.checkName(hostname.getValue()));
                case 3 -> require(!sshKeyLines().isEmpty() || !password.getValue().isEmpty(), "ssh_keys",
                        "Choose or paste an SSH key, or set a root password.");
                default -> { }
            }
            return true;
        } catch (PanelException e) {
            showError(e.userMessage());
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
            }, p.summary(), "CPU cap " + p.cpuCapPercent() + " %" + (p.bursts() ? " (baseline " + p.burstBaselinePercent() + " %)" : ""),
                    p.diskIops() + " IOPS · " + p.diskMbps() + " MB/s disk", p.netMbps() + " Mbit/s · " + p.trafficGib() + " GiB traffic",
                    p.price()));
        }
        return new VerticalLayout(new H3("Choose a plan"), cards);
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
        return new VerticalLayout(new H3("Choose an operating system"), cards);
    }

    private Component summary() {
        var list = new Div();
        list.addClassName("spec-grid");
        list.setId("order-summary");
        row(list, "Plan", plan.title() + " — " + plan.summary());
        row(list, "Price", plan.price());
        row(list, "Image", image.title());
        row(list, "Hostname", hostname.getValue());
        row(list, "SSH keys", String.valueOf(sshKeyLines().size()));
        row(list, "Root password", password.getValue().isEmpty() ? "not set" : "set");
        return new VerticalLayout(new H3("Check and order"), list,
                new Paragraph("The server starts within seconds of your order. You can reinstall or delete it at any time."));
    }

    private void placeOrder() {
        try {
            ServerView server = orders.order(new OrderRequest(hostname.getValue(), plan.name(), image.name(), sshKeyLines(),
                    password.getValue().isEmpty() ? null : password.getValue(), orderKey));
            getUI().ifPresent(ui -> ui.navigate("servers/" + server.id()));
        } catch (PanelException e) {
            order.setEnabled(true);
            showError(e.userMessage());
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
}
