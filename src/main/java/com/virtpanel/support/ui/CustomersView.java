package com.virtpanel.support.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.Role;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Notices;
import com.virtpanel.base.ui.Texts;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerService;
import com.virtpanel.support.Impersonation;
import com.virtpanel.support.ImpersonationRefusal;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Supplier;

/**
 * Staff find a customer, see their servers, and act as them (with a reason); admins also
 * suspend and unsuspend accounts here. Refused switches come back with ?refused=code.
 */
@Route(Impersonation.STAFF_ROUTE)
@Menu(title = "menu.customers", order = 50, icon = "vaadin:users")
@RolesAllowed({"SUPPORT", "ADMIN"})
public class CustomersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final ServerService servers;
    private final boolean admin;
    private final TextField search = new TextField();
    private final Grid<AccountSummary> customers = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final PostForm switchForm = new PostForm(Impersonation.SWITCH_PATH);

    public CustomersView(AccountService accounts, ServerService servers, CurrentUser currentUser) {
        this.accounts = accounts;
        this.servers = servers;
        this.admin = currentUser.require().role() == Role.ADMIN;
        addClassName("page");

        search.setId("customer-search");
        search.setPlaceholder(Texts.get("support.customers-view.email-part"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidth("24em");

        customers.setId("customers-grid");
        // Rendered in the browser (no server-side component per row), so a new search never leaves stale buttons behind.
        customers.addColumn(LitRenderer.<AccountSummary>of(
                        "<vaadin-button id='customer-${item.id}' theme='tertiary-inline' @click=${open}>${item.email}</vaadin-button>")
                .withProperty("id", AccountSummary::id).withProperty("email", AccountSummary::email)
                .withFunction("open", account -> show(account.id()))).setHeader(Texts.get("support.customers-view.email")).setAutoWidth(true);
        customers.addColumn(a -> a.status().name().toLowerCase()).setHeader(Texts.get("support.customers-view.status")).setAutoWidth(true);
        customers.addColumn(a -> Formats.dateTime(a.createdAt())).setHeader(Texts.get("support.customers-view.customer-since")).setAutoWidth(true);
        customers.setAllRowsVisible(true);

        detail.setId("customer-detail");
        detail.setPadding(false);
        detail.setVisible(false);
        add(new H2(Texts.get("support.customers-view.customers")), search, customers, detail, switchForm);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter(Impersonation.REFUSED_PARAMETER).flatMap(ImpersonationRefusal::ofCode)
                .ifPresent(refusal -> Notices.error(refusal.message()));
        parameters.getSingleParameter("q").ifPresent(search::setValue);
    }

    private void refresh() {
        List<AccountSummary> found = accounts.search(search.getValue()).stream()
                .filter(a -> a.role() == Role.CUSTOMER).toList();
        customers.setItems(found);
    }

    private void show(long accountId) {
        AccountSummary customer = accounts.get(accountId);
        detail.removeAll();
        var status = new Paragraph(customer.status() == AccountStatus.SUSPENDED ? Texts.get("support.customers-view.suspended") : Texts.get("support.customers-view.active"));
        status.setId("customer-status");

        var serverGrid = new Grid<ServerInfo>();
        serverGrid.setId("customer-servers");
        serverGrid.addColumn(ServerInfo::name).setHeader(Texts.get("support.audit-view.server")).setAutoWidth(true);
        serverGrid.addColumn(s -> Texts.get("server.status." + s.status().apiName())).setHeader(Texts.get("support.customers-view.status")).setAutoWidth(true);
        serverGrid.addColumn(ServerInfo::plan).setHeader(Texts.get("support.customers-view.plan")).setAutoWidth(true);
        serverGrid.addColumn(s -> s.ipv4() == null ? "" : s.ipv4()).setHeader("IPv4").setAutoWidth(true);
        serverGrid.addColumn(ServerInfo::domain).setHeader(Texts.get("support.customers-view.domain")).setAutoWidth(true);
        serverGrid.setAllRowsVisible(true);
        List<ServerInfo> list = servers.listOf(accountId);
        serverGrid.setItems(list);
        serverGrid.setVisible(!list.isEmpty());
        var noServers = new Paragraph(Texts.get("support.customers-view.no-servers"));
        noServers.addClassName("muted");
        noServers.setVisible(list.isEmpty());

        var actAs = new Button(Texts.get("support.customers-view.act-as-customer"), VaadinIcon.USER_CARD.create(),
                e -> new ImpersonateDialog(customer, admin, switchForm).open());
        actAs.setId("impersonate");
        actAs.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var actions = new HorizontalLayout(actAs);
        if (admin) {
            actions.add(customer.status() == AccountStatus.SUSPENDED
                    ? confirmed("unsuspend", Texts.get("support.customers-view.unsuspend"), Texts.get("support.customers-view.unsuspend2") + customer.email() + Texts.get("support.customers-view.they-can-sign-start"),
                            () -> accounts.unsuspend(accountId))
                    : confirmed("suspend", Texts.get("support.customers-view.suspend"), Texts.get("support.customers-view.suspend2") + customer.email() + Texts.get("support.customers-view.their-servers-are-stopped"),
                            () -> accounts.suspend(accountId)));
        }
        detail.add(new H3(customer.email()), status, actions, serverGrid, noServers);
        detail.setVisible(true);
    }

    private Button confirmed(String id, String label, String question, Supplier<AccountSummary> action) {
        var button = new Button(label, e -> {
            var dialog = new ConfirmDialog(label, question, label, confirm -> run(action));
            dialog.setCancelable(true);
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }

    private void run(Supplier<AccountSummary> action) {
        try {
            AccountSummary after = action.get();
            Notices.done(after.email() + Texts.get("support.customers-view.now") + after.status().name().toLowerCase());
            refresh();
            show(after.id());
        } catch (PanelException e) {
            Notices.error(Texts.of(e));
        }
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.customers");
    }
}
