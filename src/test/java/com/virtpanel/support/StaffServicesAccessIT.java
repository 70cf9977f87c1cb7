package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.Firmware;
import com.virtpanel.catalog.ImageDraft;
import com.virtpanel.catalog.ImageImportRequest;
import com.virtpanel.catalog.ImageImportService;
import com.virtpanel.catalog.OsFamily;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.server.ServerService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The services behind the staff pages refuse customers (and support, where only admins may act). */
@IntegrationTest
class StaffServicesAccessIT {

    static final PlanDraft PLAN = new PlanDraft("sneaky", "Sneaky", 1, 512, 5, 100, 1024, 500, 50, 500, 100, 1000, 10,
            null, 0, "EUR");
    static final ImageDraft IMAGE = new ImageDraft("sneaky", "Sneaky", OsFamily.LINUX, Firmware.BIOS, true, "/tmp/x.qcow2",
            null, null, null, null, 1);

    @Autowired Users users;
    @Autowired AuditService audit;
    @Autowired AccountService accounts;
    @Autowired CatalogService catalog;
    @Autowired ImageImportService images;
    @Autowired ServerService servers;

    @Test
    void aCustomerReachesNoAdminOrSupportService() {
        AccountSummary customer = users.newCustomer();
        AccountSummary other = users.newCustomer();
        Map<String, Runnable> calls = adminCalls(other);
        calls.put("search customers", () -> accounts.search(""));
        calls.forEach((name, call) -> assertThatThrownBy(() -> Users.as(customer, call))
                .as(name).isInstanceOf(AccessDeniedException.class));
        assertThatThrownBy(() -> Users.as(customer, () -> servers.listOf(other.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void supportReachesNoAdminService() {
        AccountSummary support = users.newStaff(Role.SUPPORT);
        AccountSummary customer = users.newCustomer();
        adminCalls(customer).forEach((name, call) -> assertThatThrownBy(() -> Users.as(support, call))
                .as(name).isInstanceOf(AccessDeniedException.class));
    }

    private Map<String, Runnable> adminCalls(AccountSummary customer) {
        var calls = new java.util.LinkedHashMap<String, Runnable>();
        calls.put("read the audit log", () -> audit.search(AuditFilter.any()));
        calls.put("list staff", () -> accounts.staff());
        calls.put("create staff", () -> accounts.createStaff("x-" + customer.id() + "@example.com", Users.PASSWORD, Role.ADMIN));
        calls.put("suspend", () -> accounts.suspend(customer.id()));
        calls.put("unsuspend", () -> accounts.unsuspend(customer.id()));
        calls.put("all plans", () -> catalog.allPlans());
        calls.put("create plan", () -> catalog.createPlan(PLAN));
        calls.put("update plan", () -> catalog.updatePlan(1, PLAN));
        calls.put("retire plan", () -> catalog.retirePlan(1));
        calls.put("reactivate plan", () -> catalog.reactivatePlan(1));
        calls.put("delete plan", () -> catalog.deletePlan(1));
        calls.put("all images", () -> catalog.allImages());
        calls.put("register image", () -> catalog.registerImage(IMAGE, null, null, null));
        calls.put("disable image", () -> catalog.setImageEnabled(1, false));
        calls.put("import image", () -> images.importImage(new ImageImportRequest("sneaky", "Sneaky", OsFamily.LINUX,
                Firmware.BIOS, true, "/etc/passwd", "0".repeat(64), 1)));
        calls.put("import image in the background", () -> images.importInBackground(new ImageImportRequest("sneaky",
                "Sneaky", OsFamily.LINUX, Firmware.BIOS, true, "/etc/passwd", "0".repeat(64), 1)));
        return calls;
    }
}
