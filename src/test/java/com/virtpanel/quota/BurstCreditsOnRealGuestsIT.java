package com.virtpanel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanDraft;
import com.virtpanel.host.Domains;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A burst plan (1 vCPU, cap 100 %, baseline 5 %, credits for seconds): a guest running a
 * CPU burner spends its credits and is then held at the baseline; an idle guest keeps its cap.
 * The baseline is low because the burner must beat it on a shared test host, where all
 * guests together may get only a small share of the CPU; an idle demo guest uses about 1 %.
 */
@QuotaIntegrationTest
class BurstCreditsOnRealGuestsIT {

    static final String PASSWORD = "Burst-test-pw-42";
    static final int BASELINE = 5;
    /** Percentage points above the baseline allowed for measurement noise. */
    static final double TOLERANCE = 2.0;

    @Autowired QuotaService quota;
    @Autowired Users users;
    @LocalServerPort int port;
    @Value("${panel.admin.password}") String adminPassword;

    static AccountSummary owner;
    static ServerInfo burner;
    static ServerInfo idler;

    @BeforeAll
    static void twoServersOnABurstPlan(@Autowired Users users, @Autowired CatalogService catalog,
            @Autowired ServerService servers, @Autowired ServerOrders serverOrders, @Autowired Guests guests, @Autowired Domains domains,
            @Autowired QuotaService quota) {
        DemoImage.require();
        String plan = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        Users.as(users.admin(), () -> catalog.createPlan(new PlanDraft(plan, "Burst test", 1, 256, 2, 100, 512, 200, 20, 250,
                100, 1000, 10, BASELINE, 300, "EUR")));
        owner = users.newCustomer();
        // One after the other: two provisionings at once can collide on the storage pool's refresh.
        ServerInfo b = Users.as(owner, () -> serverOrders.order(new OrderRequest("burner", plan, "demo", List.of(), PASSWORD, null)));
        burner = guests.awaitStatus(owner, b.id(), ServerStatus.RUNNING);
        ServerInfo i = Users.as(owner, () -> serverOrders.order(new OrderRequest("idler", plan, "demo", List.of(), PASSWORD, null)));
        idler = guests.awaitStatus(owner, i.id(), ServerStatus.RUNNING);
        guests.awaitSerial(burner.domain(), "virtpanel-demo ready", Duration.ofMinutes(3));

        // Log in on tty1 and start the burner; it says so on the serial port. One retry: the
        // first keys can arrive before getty listens.
        for (int attempt = 0; attempt < 3 && !guests.serial(burner.domain()).contains("burner-started"); attempt++) {
            ConsoleTyping.loginAndRun(domains, burner.domain(), PASSWORD, "yes > /dev/null & echo burner-started > /dev/ttyS0");
            Await.sleep(5000);
        }
        guests.awaitSerial(burner.domain(), "burner-started", Duration.ofSeconds(30));
        System.out.printf("burner started, %.1f credits left after its boot%n",
                Users.as(owner, () -> quota.limits(b.id())).burst().credits());
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void aGuestRunningACpuBurnerIsHeldAtItsBaselineOnceItsCreditsAreSpent() {
        EffectiveLimits throttled = Await.until("the burner's credits to run out", Duration.ofMinutes(4),
                () -> Users.as(owner, () -> quota.limits(burner.id())), EffectiveLimits::cpuThrottled);
        assertThat(throttled.cpuCapPercent()).isEqualTo(BASELINE);
        long baselineQuota = BASELINE * 1000L;
        Await.until("the baseline cap on " + burner.domain(), Duration.ofSeconds(30),
                () -> Host.schedinfo(burner.domain(), "vcpu_quota"), q -> q == baselineQuota);
        assertThat(Host.cgroupVcpuQuota(burner.domain())).isEqualTo(baselineQuota);

        double used = Host.vcpuPercentOver(burner.domain(), 15_000);
        System.out.printf("burner held at the baseline: %.2f %% of one vCPU (baseline %d %%)%n", used, BASELINE);
        assertThat(used).isLessThanOrEqualTo(BASELINE + TOLERANCE);
        assertThat(Users.as(owner, () -> quota.limits(burner.id())).cpuThrottled()).as("still throttled while burning").isTrue();
        assertThat(Users.as(users.admin(), () -> quota.throttled())).extracting(ThrottledServer::serverId).contains(burner.id());
        assertThat(Users.as(owner, () -> quota.enforcementLog(burner.id(), 50)))
                .anySatisfy(e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BURST_EXHAUSTED);
                    assertThat(e.what()).isEqualTo("vcpu_quota");
                    assertThat(e.after()).isEqualTo(String.valueOf(BASELINE * 1000L));
                });
    }

    @Test
    void anIdleGuestKeepsItsFullCap() {
        // The same time span in which the burner next door ran out of the same credits.
        Await.until("the burner's credits to run out", Duration.ofMinutes(4),
                () -> Users.as(owner, () -> quota.limits(burner.id())), EffectiveLimits::cpuThrottled);
        Await.until("a CPU reading of the idle server", Duration.ofMinutes(1),
                () -> Users.as(owner, () -> quota.limits(idler.id())), l -> l.burst().lastCpuPercent() != null);
        EffectiveLimits limits = Users.as(owner, () -> quota.limits(idler.id()));
        System.out.printf("idle guest: %.1f %% CPU, %.1f credits%n", limits.burst().lastCpuPercent(), limits.burst().credits());
        assertThat(limits.cpuThrottled()).isFalse();
        assertThat(limits.cpuCapPercent()).isEqualTo(100);
        assertThat(limits.burst().credits()).isGreaterThan(limits.burst().resumeCredits());
        assertThat(Host.schedinfo(idler.domain(), "vcpu_quota")).isEqualTo(100_000);
        assertThat(Host.cgroupVcpuQuota(idler.domain())).isEqualTo(100_000);
    }

    @Test
    void theCustomerSeesWhyAndUntilWhenTheirServerIsThrottledAndAdminsSeeItInTheirList() {
        Await.until("the burner's credits to run out", Duration.ofMinutes(4),
                () -> Users.as(owner, () -> quota.limits(burner.id())), EffectiveLimits::cpuThrottled);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(owner.email(), Users.PASSWORD);
            browser.go("/servers/" + burner.id());
            assertThat(browser.text("throttle-0")).contains("CPU limited to the baseline of " + BASELINE + " %")
                    .contains("burst credits are used up").contains("if it stays idle");
            assertThat(browser.text("limit-cpu")).contains("limited to its baseline of " + BASELINE + " %");
            assertThat(browser.text("throttle-banner")).contains("burner").contains("CPU is limited to its baseline");
            browser.go("/servers/" + idler.id());
            assertThat(browser.text("limit-cpu")).contains("up to 100 % while burst credits last");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("throttle-0"))).isEmpty();
        }
        try (Browser browser = Browser.open(port)) {
            browser.signIn(users.admin().email(), adminPassword);
            browser.go("/admin/limits");
            Grids.awaitText(browser, "throttled-grid", "burner");
            assertThat(Grids.text(browser, "throttled-grid")).contains(owner.email()).doesNotContain("idler");
            Grids.awaitText(browser, "enforcement-grid", "Burst credits used up");
        }
    }
}
