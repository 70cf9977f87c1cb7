package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * panel.operations.max-parallel counts per host: a host whose slots are all taken queues its own
 * operations, while another host's operation, though it came later, gets a slot at once. The rows
 * are servers on made-up hosts, so no instance's jobs touch them; nothing here reaches libvirt.
 */
@IntegrationTest
class OperationSlotsPerHostIT {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired OperationGate gate;
    @Autowired OperationProperties properties;
    @Autowired ServerRepository servers;
    @Autowired CatalogService catalog;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    final List<Long> made = new ArrayList<>();
    AccountSummary owner;

    @AfterEach
    void removeTheRows() {
        for (long id : made) {
            db.update("UPDATE server SET operation = NULL, status = 'DELETED', active_name = NULL WHERE id = ?", id);
        }
    }

    @Test
    void aFullHostQueuesItsOwnOperationsWhileAnotherHostsLaterOneRunsAtOnce() {
        String full = "slots-full-" + NEXT.incrementAndGet();
        String idle = "slots-idle-" + NEXT.incrementAndGet();
        for (int i = 0; i < properties.slots(); i++) {
            gate.admit(operationOn(full, 0));
        }
        long waitingOnFull = operationOn(full, 10);
        long laterOnIdle = operationOn(idle, 20);

        assertThat(gate.positions()).as("each host has a line of its own")
                .containsEntry(waitingOnFull, 1).containsEntry(laterOnIdle, 1);
        assertThat(gate.admit(waitingOnFull)).isFalse();
        assertThat(gate.admit(laterOnIdle)).isTrue();
        assertThat(servers.findById(laterOnIdle).orElseThrow().isQueued()).isFalse();
        assertThat(servers.findById(waitingOnFull).orElseThrow().isQueued()).isTrue();
    }

    @Test
    void tenOperationsOnOneHostAskingAtOnceGetExactlyItsSlots() {
        String host = "slots-crowd-" + NEXT.incrementAndGet();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(operationOn(host, i));
        }
        // the host's first operations also make its gate row: simultaneous makers must not fail
        List<Boolean> admitted = Together.run(10, i -> gate.admit(ids.get(i)));
        long running = admitted.stream().filter(Boolean::booleanValue).count();
        assertThat(running).isLessThanOrEqualTo(properties.slots());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM server WHERE host = ? AND operation_admitted_at IS NOT NULL",
                Integer.class, host)).isEqualTo((int) running);
        // whoever was turned away for a slot is admitted by asking again, in line order
        for (long id : ids) {
            gate.admit(id);
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM server WHERE host = ? AND operation_admitted_at IS NOT NULL",
                Integer.class, host)).isEqualTo(properties.slots());
    }

    /** A server on {@code host} whose provisioning waits for a slot since {@code second} seconds into the test. */
    private long operationOn(String host, int second) {
        if (owner == null) {
            owner = users.newCustomer();
        }
        int n = NEXT.incrementAndGet();
        long plan = Users.as(owner, () -> catalog.orderablePlan("nano").id());
        long image = Users.as(owner, () -> catalog.orderableImage("demo").id());
        String mac = String.format("52:54:01:%02x:%02x:%02x", (n >> 16) & 255, (n >> 8) & 255, n & 255);
        Server server = new Server(owner.id(), "slot-" + n, plan, image, "vp-slot-" + n, null, mac, List.of(), null, null,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second));
        server.placeOn(host);
        long id = servers.saveAndFlush(server).getId();
        made.add(id);
        return id;
    }
}
