package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A plan's limits on real guests: written at creation, repaired after tampering, changed live. */
@QuotaIntegrationTest
class PlanLimitsOnRealGuestsIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";
    static final Duration REPAIR = Duration.ofSeconds(45);

    static AccountSummary owner;
    static ServerInfo nano;

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired CatalogService catalog;
    @Autowired QuotaService quota;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;
    @Value("${panel.admin.password}") String adminPassword;

    @BeforeAll
    static void aRunningNanoServer(@Autowired Users users, @Autowired ServerOrders serverOrders, @Autowired Guests guests) {
        DemoImage.require();
        owner = users.newCustomer();
        ServerInfo ordered = Users.as(owner, () -> serverOrders.order(new OrderRequest("nano-1", "nano", "demo", List.of(KEY), null, null)));
        nano = guests.awaitStatus(owner, ordered.id(), ServerStatus.RUNNING);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aNanoServerRunsUnderItsPlansCpuCapAndIopsLimitInLibvirtAndInItsCgroup() {
        String domain = nano.domain();
        assertThat(Host.schedinfo(domain, "vcpu_period")).isEqualTo(100_000);
        assertThat(Host.schedinfo(domain, "vcpu_quota")).isEqualTo(50_000);
        assertThat(Host.cgroupVcpuQuota(domain)).isEqualTo(50_000);
        assertThat(Host.blkdeviotune(domain, "total_iops_sec")).isEqualTo(200);
        assertThat(Host.blkdeviotune(domain, "total_bytes_sec")).isEqualTo(20_000_000);
        assertThat(quota.enforcesNetworkRate()).isTrue();
        assertThat(Host.networkCapBitsPerSecond(domain)).isEqualTo(100_000_000L);

        EffectiveLimits limits = Users.as(owner, () -> quota.limits(nano.id()));
        assertThat(limits.cpuCapPercent()).isEqualTo(50);
        assertThat(limits.diskIops()).isEqualTo(200);
        assertThat(limits.throttled()).isFalse();
    }

    /** Repairs counted for operators (Prometheus: virtpanel_reconciler_writes_total{reason="drift"}). */
    double drifts() {
        return meters.find("virtpanel.reconciler.writes").tag("reason", "drift").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double drifts(String limit) {
        return meters.find("virtpanel.reconciler.writes").tag("reason", "drift").tag("limit", limit).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRemovedCpuCapIsRestoredByTheReconcilerAndTheLogRecordsBeforeAndAfter() {
        String domain = nano.domain();
        double repairsBefore = drifts();
        // No read of the cgroup right after this: a reconciler pass (every 3 s) may repair it first
        // (seen in a full run). The log's "before" below shows that the pass met the tampering.
        Shell.virsh("schedinfo", "--live", domain, "vcpu_quota=-1");

        Await.until("the reconciler to restore the CPU cap of " + domain, REPAIR, () -> Host.cgroupVcpuQuota(domain), q -> q == 50_000);
        assertThat(Host.schedinfo(domain, "vcpu_quota")).isEqualTo(50_000);

        // The repair is written to the host before its log entry commits. Which setting the log
        // names depends on when the tampering landed: a pass that read libvirt's quota just before
        // it and the cgroup just after finds (and repairs) only the cgroup's.
        List<EnforcementEntry> log = Await.until("the repair in the log", REPAIR, () -> Users.as(users.admin(), () -> quota.enforcementLog(200)),
                entries -> entries.stream().anyMatch(e -> e.serverId() == nano.id() && isCpuQuota(e.what())));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.serverId()).isEqualTo(nano.id());
            assertThat(e.reason()).isEqualTo(Reason.DRIFT);
            assertThat(e.what()).matches(PlanLimitsOnRealGuestsIT::isCpuQuota);
            assertThat(e.before()).isEqualTo("-1");
            assertThat(e.after()).isEqualTo("50000");
        });
        assertThat(Users.as(owner, () -> quota.enforcementLog(nano.id(), 50))).extracting(EnforcementEntry::what)
                .anyMatch(PlanLimitsOnRealGuestsIT::isCpuQuota);
        assertThat(drifts()).as("virtpanel_reconciler_writes_total{reason=drift}").isGreaterThan(repairsBefore);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(users.admin().email(), adminPassword);
            browser.go("/admin/limits");
            Grids.awaitText(browser, "enforcement-grid", domain);
            assertThat(Grids.text(browser, "enforcement-grid")).contains("Drift repaired").containsPattern("vcpu_quota|cgroup vcpu0 quota");
        }
    }

    private static boolean isNetworkRate(String what) {
        return what.equals("inbound average") || what.equals("outbound average");
    }

    /** libvirt's setting, or the cgroup file it writes for a vCPU. */
    private static boolean isCpuQuota(String what) {
        return what.equals("vcpu_quota") || what.matches("cgroup vcpu\\d+ quota");
    }

    /**
     * Where libvirt caps the network (its bandwidth: htb, sfq, police) the cap is taken off with
     * virsh; where the panel caps the tap itself (no sfq, as on this machine), with tc.
     */
    @Test
    void aRemovedNetworkCapIsRestoredByTheReconciler() {
        String domain = nano.domain();
        String tap = Host.tap(domain);
        assertThat(Host.networkCapBitsPerSecond(domain)).isEqualTo(100_000_000L);
        double netRepairsBefore = drifts("net_rate");
        if (Host.tapCapBitsPerSecond(domain) > 0) {
            Shell.run("tc", "qdisc", "del", "dev", tap, "root");
            Shell.run("tc", "qdisc", "del", "dev", tap, "ingress");
        } else {
            Shell.virsh("domiftune", domain, tap, "--live", "--inbound", "0", "--outbound", "0");
        }
        // as with the CPU cap, the log's "before" shows the tampering took effect (a read here raced a pass)

        Await.until("the reconciler to restore the network cap of " + domain, REPAIR, () -> Host.networkCapBitsPerSecond(domain),
                r -> r == 100_000_000L);
        // The repair is written to the host before its log entry commits. As with the CPU cap, a
        // pass that read one direction just before the tampering logs only the other one.
        List<EnforcementEntry> log = Await.until("the repair in the log", REPAIR, () -> Users.as(owner, () -> quota.enforcementLog(nano.id(), 50)),
                entries -> entries.stream().anyMatch(e -> isNetworkRate(e.what())));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo(Reason.DRIFT);
            assertThat(e.what()).matches(PlanLimitsOnRealGuestsIT::isNetworkRate);
            assertThat(e.before()).isEqualTo("0");
            assertThat(e.after()).isEqualTo("12500");
        });
        assertThat(drifts("net_rate")).as("virtpanel_reconciler_writes_total{limit=net_rate,reason=drift}").isGreaterThan(netRepairsBefore);
    }

    @Test
    void theServerPageShowsTheLimitsInForce() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn(owner.email(), Users.PASSWORD);
            browser.go("/servers/" + nano.id());
            assertThat(browser.text("limit-cpu")).contains("up to 50 % of one vCPU");
            assertThat(browser.text("limit-disk")).isEqualTo("200 IOPS, 20 MB/s");
            assertThat(browser.text("limit-network")).startsWith("100 Mbit/s").doesNotContain("not enforced");
            assertThat(browser.text("limit-traffic")).contains("of 1000 GiB this period");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("throttle-0"))).isEmpty();
        }
    }

    @Test
    void aPlanChangeReachesARunningServerLiveAsItsCgroupFileShows() {
        AccountSummary admin = users.admin();
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        PlanInfo plan = Users.as(admin, () -> catalog.createPlan(new PlanDraft(name, "Quota test", 1, 256, 2, 50, 512, 200, 20,
                250, 100, 1000, 10, null, 300, "EUR")));
        AccountSummary customer = users.newCustomer();
        ServerInfo ordered = Users.as(customer, () -> serverOrders.order(new OrderRequest("change-1", name, "demo", List.of(KEY), null, null)));
        String domain = guests.awaitStatus(customer, ordered.id(), ServerStatus.RUNNING).domain();
        assertThat(Host.cgroupVcpuQuota(domain)).isEqualTo(50_000);
        String domainId = Shell.virsh("domid", domain);

        Users.as(admin, () -> catalog.updatePlan(plan.id(), new PlanDraft(name, "Quota test", 1, 256, 2, 30, 512, 300, 20,
                250, 100, 1000, 10, null, 300, "EUR")));

        Await.until("the new cap in the cgroup of " + domain, REPAIR, () -> Host.cgroupVcpuQuota(domain), q -> q == 30_000);
        // the disk limit is a call of its own, made just after the CPU cap
        Await.until("the new IOPS limit of " + domain, REPAIR, () -> Host.blkdeviotune(domain, "total_iops_sec"), v -> v == 300);
        assertThat(Shell.virsh("domid", domain)).as("the guest was not restarted").isEqualTo(domainId);
        assertThat(Users.as(customer, () -> quota.limits(ordered.id())).cpuCapPercent()).isEqualTo(30);
        // the record commits with the check's transaction, a moment after the cgroup was written
        var enforcementLog = Await.until("the plan change in the enforcement log", REPAIR,
                () -> Users.as(customer, () -> quota.enforcementLog(ordered.id(), 50)),
                log -> log.stream().anyMatch(e -> e.reason() == Reason.PLAN_CHANGED && "vcpu_quota".equals(e.what())));
        assertThat(enforcementLog)
                .anySatisfy(e -> {
                    assertThat(e.what()).isEqualTo("vcpu_quota");
                    assertThat(e.reason()).isEqualTo(Reason.PLAN_CHANGED);
                    assertThat(e.before()).isEqualTo("50000");
                    assertThat(e.after()).isEqualTo("30000");
                });
    }
}
