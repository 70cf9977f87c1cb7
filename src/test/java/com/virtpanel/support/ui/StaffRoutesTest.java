package com.virtpanel.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.virtpanel.account.Role;
import java.security.Principal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route of the panel, read from its annotations the way Vaadin's navigation access control
 * reads them: staff routes are closed to customers, admin routes to support.
 */
class StaffRoutesTest {

    private static final AccessAnnotationChecker CHECKER = new AccessAnnotationChecker();
    private static final Map<String, Class<?>> ROUTES = new TreeMap<>();

    @BeforeAll
    static void findRoutes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.virtpanel")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            ROUTES.put(view.getAnnotation(Route.class).value(), view);
        }
    }

    @Test
    void theStaffAndAdminPagesExist() {
        assertThat(ROUTES).containsKeys("support/customers", "admin/audit", "admin/plans", "admin/images", "admin/isos", "admin/staff",
                "admin/host", "admin/hosts", "admin/pools", "admin/backups", "account/activity");
    }

    @Test
    void aCustomerCanOpenNoAdminOrSupportRoute() {
        ROUTES.forEach((path, view) -> {
            if (path.startsWith("admin") || path.startsWith("support")) {
                assertThat(mayOpen(Role.CUSTOMER, view)).as("a customer may open /" + path).isFalse();
            }
        });
    }

    @Test
    void supportOpensTheCustomersPageButNoAdminRoute() {
        assertThat(mayOpen(Role.SUPPORT, ROUTES.get("support/customers"))).isTrue();
        ROUTES.forEach((path, view) -> {
            if (path.startsWith("admin")) {
                assertThat(mayOpen(Role.SUPPORT, view)).as("support may open /" + path).isFalse();
            }
        });
    }

    @Test
    void adminsOpenEveryStaffRoute() {
        ROUTES.forEach((path, view) -> {
            if (path.startsWith("admin") || path.startsWith("support")) {
                assertThat(mayOpen(Role.ADMIN, view)).as("an admin may open /" + path).isTrue();
            }
        });
    }

    @Test
    void everySignedInUserHasAnAccountActivityPage() {
        assertThat(mayOpen(Role.CUSTOMER, ROUTES.get("account/activity"))).isTrue();
    }

    private static boolean mayOpen(Role role, Class<?> view) {
        Principal principal = () -> role.name().toLowerCase() + "@example.com";
        return CHECKER.hasAccess(view, principal, r -> r.equals(role.name()));
    }
}
