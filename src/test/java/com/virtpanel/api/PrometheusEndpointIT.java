package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /actuator/prometheus: only an admin's token opens it, and every metric family operators
 * graph is there. That the families move is shown where the work happens (an order in
 * ApiLifecycleIT, a repair in PlanLimitsOnRealGuestsIT).
 */
@IntegrationTest
class PrometheusEndpointIT {

    static final String METRICS = "/actuator/prometheus";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;

    @Test
    void onlyAnAdminsTokenReadsTheMetrics() {
        var api = new HttpApi(port);
        assertThat(api.get(METRICS, null).status()).isEqualTo(401);
        AccountSummary customer = users.newCustomer();
        String customers = Users.as(customer, () -> tokens.createPersonal("scraper", null)).token();
        var refused = api.get(METRICS, customers);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("virtpanel_");
    }

    @Test
    void tenScrapesAtOnceAllSeeEveryFamily() {
        var api = new HttpApi(port);
        String token = Users.as(users.admin(), () -> tokens.createPersonal("prometheus", null)).token();
        List<CompletableFuture<MockApi.Reply>> scrapes = IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(METRICS, token))).toList();
        for (var scrape : scrapes) {
            MockApi.Reply reply = scrape.join();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/plain");
            assertThat(reply.body()).contains(
                    "virtpanel_libvirt_calls_seconds_count{call=\"check the host\",outcome=\"ok\"}",
                    "virtpanel_operations_running ", "virtpanel_operations_queued ",
                    "virtpanel_host_memory_total_bytes ", "virtpanel_host_memory_promised_bytes ",
                    "virtpanel_host_disk_available_bytes ", "virtpanel_host_vcpus_promised ",
                    "virtpanel_console_sessions_open ", "virtpanel_servers_throttled{kind=\"cpu\"}",
                    "virtpanel_reconciler_checks_total ", "virtpanel_usage_sampling_seconds_count ", "jvm_memory_used_bytes",
                    "http_server_requests_seconds_count", "jetty_threads_busy ");
            // switched off (application.yml): they timed every security filter of every request
            assertThat(reply.body()).doesNotContain("spring_security_");
        }
        // Quartz jobs appear once they ran: the usage sampler runs every 10 s
        Await.until("a timed job run", Duration.ofSeconds(60), () -> api.get(METRICS, token).body(),
                body -> body.contains("virtpanel_jobs_seconds_count{job=\"SamplingJob\",outcome=\"ok\"}"));
    }
}
