package com.virtpanel.account.ui;

import com.virtpanel.base.ui.Formats;
import com.virtpanel.base.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import jakarta.annotation.security.RolesAllowed;

/** Support and admin accounts; only an admin creates them (customers sign up themselves). */
@Route("admin/staff")
@Menu(title = "menu.admin-staff", order = 72, icon = "vaadin:user-star")
@RolesAllowed("ADMIN")
public class AdminStaffView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();

    public AdminStaffView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        grid.setId("staff-grid");
        grid.addColumn(AccountSummary::email).setHeader(Texts.get("account.admin-staff-view.email")).setAutoWidth(true);
        grid.addColumn(a -> a.role().name().toLowerCase()).setHeader(Texts.get("account.admin-staff-view.role")).setAutoWidth(true);
        grid.addColumn(a -> Formats.date(a.createdAt())).setHeader(Texts.get("account.admin-staff-view.since")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2(Texts.get("account.admin-staff-view.staff")), grid, new H3(Texts.get("account.admin-staff-view.new-staff-account")), form());
        refresh();
    }

    private HorizontalLayout form() {
        var email = new EmailField(Texts.get("account.admin-staff-view.email"));
        email.setId("staff-email");
        var password = new PasswordField(Texts.get("account.admin-staff-view.initial-password"));
        password.setId("staff-password");
        password.setHelperText(Texts.get("account.admin-staff-view.they-change-their-account"));
        var role = new RadioButtonGroup<Role>(Texts.get("account.admin-staff-view.role"));
        role.setId("staff-role");
        role.setItems(Role.SUPPORT, Role.ADMIN);
        role.setItemLabelGenerator(r -> r == Role.SUPPORT ? Texts.get("account.admin-staff-view.support") : Texts.get("account.admin-staff-view.admin"));
        role.setValue(Role.SUPPORT);
        var create = new Button(Texts.get("account.admin-staff-view.create"), e -> {
            email.setInvalid(false);
            password.setInvalid(false);
            try {
                AccountSummary created = accounts.createStaff(email.getValue(), password.getValue(), role.getValue());
                email.clear();
                password.clear();
                refresh();
                Notifications.ok(created.email() + Texts.get("account.admin-staff-view.can-sign-now"));
            } catch (InvalidInputException ex) {
                var field = "password".equals(ex.field()) ? password : email;
                field.setErrorMessage(Texts.of(ex));
                field.setInvalid(true);
            } catch (PanelException ex) {
                Notifications.error(Texts.of(ex));
            }
        });
        create.setId("create-staff");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(email, password, role, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void refresh() {
        grid.setItems(accounts.staff());
    }

    @Override
    public String getPageTitle() {
        return Texts.get("title.admin-staff");
    }
}
