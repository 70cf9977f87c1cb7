package com.virtpanel.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.virtpanel.account.Role;
import com.virtpanel.support.Impersonation;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.UiTab;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VaadinUi;
import com.virtpanel.testkit.WebLogin;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The views' roles hold at run time, through the panel's navigation access control (whose role
 * check reads the signed-in authentication: RoleCheckingNavigationAccess): ten people at once,
 * customers, support staff and admins, each following links to the support page and an admin
 * page in Vaadin's own protocol. {@link StaffRoutesTest} checks the annotations themselves.
 */
@IntegrationTest
class StaffRoutesIT {

    @Autowired Users users;
    @Autowired NavigationAccessControl accessControl;
    @Value("${local.server.port}") int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Person(Role role, String session) {
    }

    @Test
    void customersReachNeitherPageSupportTheCustomersPageAndAdminsBoth() throws Exception {
        assertThat(accessControl.getClass().getSimpleName()).as("the one Vaadin's security and UI initializer take")
                .isEqualTo("RoleCheckingNavigationAccess");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Role role = i < 4 ? Role.CUSTOMER : i < 7 ? Role.SUPPORT : Role.ADMIN;
            String email = role == Role.CUSTOMER ? users.newCustomer().email() : users.newStaff(role).email();
            people.add(new Person(role, WebLogin.sessionId(port, email, Users.PASSWORD)));
        }
        Together.run(10, n -> {
            Person person = people.get(n);
            UiTab tab = UiTab.open(http, port, person.session(), "servers");
            String customers = tab.send(VaadinUi.navigate(Impersonation.STAFF_ROUTE, ""));
            String plans = tab.send(VaadinUi.navigate("admin/plans", ""));
            assertThat(customers.contains("customers-grid")).as(person.role() + " on the customers page")
                    .isEqualTo(person.role() != Role.CUSTOMER);
            assertThat(plans.contains("plans-grid")).as(person.role() + " on the plans page")
                    .isEqualTo(person.role() == Role.ADMIN);
            return null;
        });
    }
}
