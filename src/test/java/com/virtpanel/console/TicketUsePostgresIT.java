package com.virtpanel.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket is used up and read back in one statement on PostgreSQL too (the cluster's
 * database, where any instance may redeem a ticket another issued): of ten instances' worth of
 * simultaneous redemptions exactly one gets the row, with its bindings and VNC address, and an
 * expired ticket gives nothing.
 */
@PostgresIntegrationTest
class TicketUsePostgresIT {

    @Autowired TicketUse ticketUse;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void tenSimultaneousRedemptionsUseTheTicketOnceAndAnExpiredOneGivesNothing() throws Exception {
        long accountId = users.newCustomer().id();
        long serverId = seedServer(accountId);
        Instant now = Instant.now();
        String hash = ticket(serverId, accountId, now.plusSeconds(60));

        List<Optional<TicketUse.Used>> outcomes = Together.run(10, i -> ticketUse.useUp(hash, Instant.now()));

        List<TicketUse.Used> granted = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(granted).hasSize(1);
        TicketUse.Used used = granted.get(0);
        assertThat(used.serverId()).isEqualTo(serverId);
        assertThat(used.accountId()).isEqualTo(accountId);
        assertThat(used.realAccountId()).isEqualTo(accountId);
        assertThat(used.sessionHash()).isEqualTo("s".repeat(64));
        assertThat(used.vnc()).isEqualTo(new InetSocketAddress("127.0.0.1", 5907));
        assertThat(db.queryForObject("select used_at from console_ticket where token_hash = ?", Timestamp.class, hash))
                .isNotNull();

        String expired = ticket(serverId, accountId, now.minus(Duration.ofSeconds(1)));
        assertThat(ticketUse.useUp(expired, Instant.now())).isEmpty();
        assertThat(ticketUse.useUp("0".repeat(64), Instant.now())).isEmpty();
    }

    private long seedServer(long accountId) {
        String domain = "vp-cons-pg-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, ipv4, "
                + "status_changed_at, created_at, updated_at) values (?, 'pg-console', ?, (select min(id) from plan), "
                + "(select min(id) from image), 'RUNNING', ?, '52:54:00:00:00:07', '10.142.0.250', ?, ?, ?)",
                accountId, domain, domain, now, now, now);
        return db.queryForObject("select id from server where domain_name = ?", Long.class, domain);
    }

    private String ticket(long serverId, long accountId, Instant expires) {
        String hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        db.update("insert into console_ticket (token_hash, server_id, account_id, real_account_id, session_hash, created_at, "
                + "expires_at, vnc_host, vnc_port) values (?, ?, ?, ?, ?, ?, ?, '127.0.0.1', 5907)", hash, serverId, accountId,
                accountId, "s".repeat(64), Timestamp.from(Instant.now()), Timestamp.from(expires));
        return hash;
    }
}
