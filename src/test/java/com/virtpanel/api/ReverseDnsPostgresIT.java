package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.TestHost;
import com.virtpanel.testkit.TestPowerDns;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reverse_dns table on PostgreSQL: ten simultaneous first PTRs of one address leave one row, served. */
@PostgresIntegrationTest
class ReverseDnsPostgresIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;

    @Test
    void tenSimultaneousFirstChangesOfOneAddressLeaveOneRow() {
        HttpApi api = new HttpApi(port);
        long accountId = users.newCustomer().id();
        String token = tokens.issueSessionToken(accountId).token();
        String ipv4 = TestHost.CIDR.substring(0, TestHost.CIDR.lastIndexOf('.')) + ".250";
        String domain = "vp-rdns-pg-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, ipv4, "
                + "status_changed_at, created_at, updated_at) values (?, 'pg-seed', ?, (select min(id) from plan), "
                + "(select min(id) from image), 'STOPPED', ?, '52:54:00:00:00:04', ?, ?, ?, ?)",
                accountId, domain, domain, ipv4, now, now, now);
        long id = db.queryForObject("select id from server where domain_name = ?", Long.class, domain);

        ReverseDnsApiIT.tenSimultaneousChanges(api, token, id, ipv4);

        assertThat(db.queryForObject("select count(*) from reverse_dns where address = ?", Integer.class, ipv4)).isEqualTo(1);
        var last = api.get("/api/v1/servers/" + id + "/addresses/" + ipv4 + "/ptr", token).json();
        assertThat(last.get("pending").asBoolean()).isFalse();
        assertThat(TestPowerDns.digReverse(ipv4)).isEqualTo(last.get("ptr").asText() + ".");
    }
}
