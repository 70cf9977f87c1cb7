package com.virtpanel.bench;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.server.HostPlacement;
import com.virtpanel.server.ServerHosts;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Users;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One placement decision as an order makes it (sum what each host's live servers promise, then
 * choose among the active hosts) with 1,000 hosts and 100,000 synthetic servers in PostgreSQL,
 * against a baseline measured in the same run: a plain count of the live servers, the least any
 * decision that looks at every server must read. Pairs run back to back (see PairedRatios).
 * Run: {@code ./panel bench}, or {@code mvn -B test -Dtest=PlacementBenchmark} with VP_TEST_PG_URL set.
 */
@PostgresIntegrationTest
class PlacementBenchmark {

    static final int HOSTS = Integer.getInteger("bench.hosts", 1_000);
    static final int SERVERS = Integer.getInteger("bench.servers", 100_000);
    static final int WARMUP = 5;
    static final int PAIRS = Integer.getInteger("bench.pairs", 30);

    @Autowired JdbcTemplate db;
    @Autowired TransactionTemplate tx;
    @Autowired ServerHosts serverHosts;
    @Autowired HostPlacement placement;
    @Autowired CatalogService catalog;
    @Autowired Users users;

    @Test
    void measurePlacementAgainstACount() {
        long account = users.newCustomer().id();
        long plan = catalog.orderablePlan("nano").id();
        long image = db.queryForObject("SELECT MIN(id) FROM image", Long.class);
        // synthetic rows straight in SQL: a stopped server on bench-host-N, spread over the hosts
        db.update("INSERT INTO hosts (name, state, memory_mib, disk_gib, vcpus, cpu_overcommit, memory_overcommit,"
                + " memory_reserve_mib, disk_overcommit, dedicated_cores, management_address, last_heartbeat, created)"
                + " SELECT 'bench-host-' || g, 'ACTIVE', 1048576, 100000, 256, 4.0, 1.0, 1024, 4.0, 0, '10.0.0.1',"
                + " now() + interval '1 hour', now() FROM generate_series(1, ?) g", HOSTS);
        db.update("INSERT INTO server (account_id, name, plan_id, image_id, status, domain_name, mac, status_changed_at,"
                + " created_at, updated_at, host)"
                + " SELECT ?, 'bench-' || g, ?, ?, 'STOPPED', 'bench-dom-' || g, '52:54:00:00:00:00', now(), now(), now(),"
                + " 'bench-host-' || (1 + g % ?) FROM generate_series(1, ?) g", account, plan, image, HOSTS, SERVERS);
        db.execute("ANALYZE server");
        db.execute("ANALYZE hosts");
        try {
            HostPlacement.Demand wanted = new HostPlacement.Demand(512, 10, 1);
            for (int i = 0; i < WARMUP; i++) {
                decide(wanted);
                count();
            }
            double[] decision = new double[PAIRS];
            double[] baseline = new double[PAIRS];
            Optional<String> chosen = Optional.empty();
            for (int i = 0; i < PAIRS; i++) {
                long t0 = System.nanoTime();
                chosen = decide(wanted);
                long t1 = System.nanoTime();
                count();
                long t2 = System.nanoTime();
                decision[i] = (t1 - t0) / 1e6;
                baseline[i] = (t2 - t1) / 1e6;
            }
            var ratio = new PairedRatios().of(decision, baseline, false);
            System.out.printf(Locale.ROOT, "%nPlacement benchmark: %d hosts, %d servers (PostgreSQL), %d pairs; chose %s%n",
                    HOSTS, SERVERS, PAIRS, chosen.orElse("none"));
            System.out.printf(Locale.ROOT, "  count of live servers (baseline)  median %8.3f ms  p90 %8.3f ms%n",
                    PairedRatios.median(baseline), PairedRatios.percentile(baseline, 90));
            System.out.printf(Locale.ROOT, "  placement decision (this one)     median %8.3f ms  p90 %8.3f ms%n",
                    PairedRatios.median(decision), PairedRatios.percentile(decision, 90));
            System.out.printf(Locale.ROOT, "  ratio decision / count: %s%n%n", ratio.interval());
        } finally {
            db.update("DELETE FROM server WHERE account_id = ? AND name LIKE 'bench-%'", account);
            db.update("DELETE FROM hosts WHERE name LIKE 'bench-host-%'");
        }
    }

    /** As in an order: inside a transaction, what the hosts' servers promise, then the policy's choice. */
    private Optional<String> decide(HostPlacement.Demand wanted) {
        return tx.execute(s -> placement.choose(wanted, serverHosts.promised()));
    }

    private long count() {
        return db.queryForObject("SELECT COUNT(*) FROM server WHERE status <> 'DELETED'", Long.class);
    }
}
