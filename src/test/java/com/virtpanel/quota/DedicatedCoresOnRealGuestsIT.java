package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.CorePins;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Dedicated cores on real guests, on this 2-core machine with core 1 reserved: a dedicated
 * server's vCPU runs on core 1 and its emulator on core 0, a shared server's vCPU on core 0;
 * a pin moved with virsh is put back by the reconciler and logged as drift.
 */
@IntegrationTest
@TestPropertySource(properties = {"panel.host.dedicated-cores=1", "panel.quota.reconcile-interval=3s"})
class DedicatedCoresOnRealGuestsIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";
    static final Duration REPAIR = Duration.ofSeconds(45);

    @Autowired ServerOrders orders;
    @Autowired ServerService servers;
    @Autowired CatalogService catalog;
    @Autowired QuotaService quota;
    @Autowired Users users;
    @Autowired Guests guests;

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aDedicatedGuestRunsOnItsReservedCoreASharedOneBesideAndAMovedPinIsPutBack() {
        DemoImage.require();
        Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft("dedicated-1", "Dedicated 1", 1, 256, 2, 100, 512, 200, 20,
                250, 100, 1000, 10, null, 900, "EUR").withDedicatedVcpus(1)));
        AccountSummary owner = users.newCustomer();
        ServerInfo dedicatedOrder = Users.as(owner, () -> orders.order(new OrderRequest("own-core", "dedicated-1", "demo",
                List.of(KEY), null, null)));
        ServerInfo sharedOrder = Users.as(owner, () -> orders.order(new OrderRequest("shared-core", "nano", "demo", List.of(KEY),
                null, null)));
        String dedicated = guests.awaitStatus(owner, dedicatedOrder.id(), ServerStatus.RUNNING).domain();
        String shared = guests.awaitStatus(owner, sharedOrder.id(), ServerStatus.RUNNING).domain();

        assertThat(vcpu0(dedicated)).as("virsh vcpupin " + dedicated).isEqualTo("1");
        assertThat(emulator(dedicated)).as("virsh emulatorpin " + dedicated).isEqualTo("0");
        assertThat(vcpu0(shared)).as("virsh vcpupin " + shared).isEqualTo("0");
        assertThat(emulator(shared)).as("virsh emulatorpin " + shared).isEqualTo("0");
        ServerInfo shown = Users.as(owner, () -> servers.get(dedicatedOrder.id()));
        assertThat(shown.dedicatedVcpus()).isEqualTo(1);
        assertThat(shown.dedicatedCores()).isEqualTo("1");

        // moved behind the panel's back; a reconciler pass may put it back at once, so the log (before 0,
        // after 1) is what shows the move was seen, not a read right after it
        Shell.virsh("vcpupin", dedicated, "0", "0");

        Await.until("the reconciler to pin vCPU 0 of " + dedicated + " back on core 1", REPAIR, () -> vcpu0(dedicated),
                "1"::equals);
        List<EnforcementEntry> log = Await.until("the repair in the log", REPAIR,
                () -> Users.as(users.admin(), () -> quota.enforcementLog(200)),
                entries -> entries.stream().anyMatch(e -> e.serverId() == dedicatedOrder.id() && e.what().equals("vcpu0 pinning")));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.serverId()).isEqualTo(dedicatedOrder.id());
            assertThat(e.reason()).isEqualTo(Reason.DRIFT);
            assertThat(e.what()).isEqualTo("vcpu0 pinning");
            assertThat(e.before()).isEqualTo("0");
            assertThat(e.after()).isEqualTo("1");
        });
        assertThat(vcpu0(shared)).as("the shared guest was left alone").isEqualTo("0");
    }

    private static String vcpu0(String domain) {
        return CorePins.vcpu0(Shell.virsh("vcpupin", domain));
    }

    private static String emulator(String domain) {
        return CorePins.emulator(Shell.virsh("emulatorpin", domain));
    }
}
