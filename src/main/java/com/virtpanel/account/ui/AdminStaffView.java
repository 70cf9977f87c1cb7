package com.virtpanel.account.ui;

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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.PanelException;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Support and admin accounts; only an admin creates them (customers sign up themselves). */
@Route("admin/staff")
@PageTitle("Staff · Virtpanel")
@Menu(title = "Staff", order = 72, icon = "vaadin:user-star")
@RolesAllowed("ADMIN")
public class AdminStaffView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();

    public AdminStaffView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        grid.setId("staff-grid");
        grid.addColumn(AccountSummary::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(a -> a.role().name().toLowerCase()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(a -> DATE.format(a.createdAt())).setHeader("Since").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Staff"), grid, new H3("New staff account"), form());
        refresh();
    }

    private HorizontalLayout form() {
        var email = new EmailField("Email");
        email.setId("staff-email");
        var password = new PasswordField("Initial password");
        password.setId("staff-password");
        password.setHelperText("They change it on their account page.");
        var role = new RadioButtonGroup<Role>("Role");
        role.setId("staff-role");
        role.setItems(Role.SUPPORT, Role.ADMIN);
        role.setItemLabelGenerator(r -> r == Role.SUPPORT ? "Support" : "Admin");
        role.setValue(Role.SUPPORT);
        var create = new Button("Create", e -> {
            email.setInvalid(false);
            password.setInvalid(false);
            try {
                AccountSummary created = accounts.createStaff(email.getValue(), password.getValue(), role.getValue());
                email.clear();
                password.clear();
                refresh();
                Notifications.ok(created.email() + " can sign in now.");
            } catch (InvalidInputException ex) {
                var field = "password".equals(ex.field()) ? password : email;
                field.setErrorMessage(ex.userMessage());
                field.setInvalid(true);
            } catch (PanelException ex) {
                Notifications.error(ex.userMessage());
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
}
