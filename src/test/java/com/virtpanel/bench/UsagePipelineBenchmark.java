package com.virtpanel.bench;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import com.virtpanel.usage.PassReport;
import com.virtpanel.usage.UsageSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Cost of the usage job's own work per guest (matching guests to servers, rate computation,
 * batched inserts of rates, counters and traffic, commit), with at least 10 running demo
 * guests, against the baseline of the same pass's host sampling (GuestStats.sampleRunning()).
 * Run: {@code VP_TEST_ID=u1 VP_TEST_CIDR=10.132.0.0/24 mvn -B test -Dtest=UsagePipelineBenchmark}
 */
@IntegrationTest
@TestPropertySource(properties = "panel.usage.interval=1h") // the scheduled job stays out of the way
class UsagePipelineBenchmark {

    static final int GUESTS = Integer.getInteger("bench.guests", 10);
    static final int WARMUP = 10;
    static final int PASSES = Integer.getInteger("bench.passes", 40);

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired UsageSampler sampler;

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void measureOnePassPerGuest() {
        DemoImage.require();
        AccountSummary owner = users.newCustomer();
        // one after the other: concurrent provisioning trips over libvirt's pool refresh
        // ("pool has asynchronous jobs running"), which is not what this benchmark is about
        for (int i = 0; i < GUESTS; i++) {
            int n = i;
            long id = Users.as(owner, () -> serverOrders.order(new OrderRequest("bench-" + n, "nano", "demo",
                    List.of(), "Bench-guest-42", null))).id();
            guests.awaitStatus(owner, id, ServerStatus.RUNNING);
        }

        for (int i = 0; i < WARMUP; i++) {
            sampler.sampleNow();
        }
        var reports = new ArrayList<PassReport>();
        for (int i = 0; i < PASSES; i++) {
            reports.add(sampler.sampleNow());
        }

        int matched = reports.get(0).servers();
        int running = reports.get(0).guests();
        double sample = median(reports, r -> r.sampleNanos() / 1e6);
        double record = median(reports, r -> r.recordNanos() / 1e6);
        double samplePerGuest = median(reports, r -> r.sampleNanos() / 1e6 / Math.max(1, r.guests()));
        double recordPerGuest = median(reports, r -> r.recordNanos() / 1e6 / Math.max(1, r.servers()));
        System.out.printf(Locale.ROOT, "%nUsage pipeline benchmark: %d passes, %d guests running on the host, %d of them ours"
                + " (H2 in memory)%n", PASSES, running, matched);
        System.out.printf(Locale.ROOT, "  host sampling (baseline)   median %8.3f ms/pass  %7.3f ms/guest  p90 %8.3f ms/pass%n",
                sample, samplePerGuest, p90(reports, r -> r.sampleNanos() / 1e6));
        System.out.printf(Locale.ROOT, "  usage job work (this one)  median %8.3f ms/pass  %7.3f ms/guest  p90 %8.3f ms/pass%n",
                record, recordPerGuest, p90(reports, r -> r.recordNanos() / 1e6));
        System.out.printf(Locale.ROOT, "  ratio job work / host sampling: %.3f;  stored points per pass: %d%n%n",
                record / sample, reports.get(reports.size() - 1).stored());
    }

    static double median(List<PassReport> reports, ToDoubleFunction<PassReport> f) {
        double[] v = reports.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    static double p90(List<PassReport> reports, ToDoubleFunction<PassReport> f) {
        double[] v = reports.stream().mapToDouble(f).sorted().toArray();
        return v[(int) Math.floor(v.length * 0.9)];
    }
}
