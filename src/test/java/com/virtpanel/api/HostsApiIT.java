package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.Role;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff's host calls over real HTTP: the panel's own host is listed with its capacity and a
 * fresh heartbeat; maintenance and activate change its state and are audited; draining the only
 * host moves nothing and says why each server stays; an unknown host is 404; customers get 403.
 */
@IntegrationTest
class HostsApiIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;

    HttpApi api;
    String admin;
    String support;
    String customer;

    @BeforeEach
    void tokens() {
        api = new HttpApi(port);
        admin = Users.as(users.admin(), () -> tokens.createPersonal("hosts", null)).token();
        support = tokens.issueSessionToken(users.newStaff(Role.SUPPORT).id()).token();
        customer = tokens.issueSessionToken(users.newCustomer().id()).token();
    }

    @Test
    void staffSeeTheHostsAndAdminsChangeTheirState() {
        var reply = api.get("/api/v1/hosts", admin);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().size()).isGreaterThanOrEqualTo(1);
        JsonNode host = reply.json().get(0);
        String name = host.get("name").asText();
        assertThat(host.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(host.get("memory_mib").asLong()).isPositive();
        assertThat(host.get("vcpus").asInt()).isPositive();
        assertThat(host.has("last_heartbeat")).isTrue();
        assertThat(host.has("servers")).isTrue();
        assertThat(api.get("/api/v1/hosts", support).status()).as("support staff").isEqualTo(200);

        String actions = "/api/v1/hosts/" + name + "/actions/";
        try {
            var maintenance = api.post(actions + "maintenance", admin, "");
            assertThat(maintenance.status()).as(maintenance.toString()).isEqualTo(200);
            assertThat(maintenance.json().get("state").asText()).isEqualTo("MAINTENANCE");
        } finally {
            var activate = api.post(actions + "activate", admin, "");
            assertThat(activate.status()).as(activate.toString()).isEqualTo(200);
            assertThat(activate.json().get("state").asText()).isEqualTo("ACTIVE");
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'fleet.host-state-changed' AND target = ?",
                Integer.class, name)).isGreaterThanOrEqualTo(2);

        // the only host: nothing can move away, and each server says why it stays
        try {
            var drain = api.post(actions + "drain", admin, "");
            assertThat(drain.status()).as(drain.toString()).isEqualTo(200);
            assertThat(drain.json().get("host").get("state").asText()).isEqualTo("DRAINING");
            assertThat(drain.json().get("moving").size()).isZero();
            drain.json().get("staying").forEach(staying -> assertThat(staying.get("reason").asText()).isNotBlank());
        } finally {
            assertThat(api.post(actions + "activate", admin, "").status()).isEqualTo(200);
        }
        assertThat(api.post(actions + "drain", support, "").status()).as("support may only look").isEqualTo(403);
        assertThat(api.post("/api/v1/hosts/no-such-host/actions/maintenance", admin, "").status()).isEqualTo(404);
    }

    @Test
    void customersAreRefused() {
        assertThat(api.get("/api/v1/hosts", customer).status()).isEqualTo(403);
        String name = api.get("/api/v1/hosts", admin).json().get(0).get("name").asText();
        assertThat(api.post("/api/v1/hosts/" + name + "/actions/maintenance", customer, "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/hosts/" + name + "/actions/activate", customer, "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/hosts/" + name + "/actions/maintenance", support, "").status()).as("support may only look")
                .isEqualTo(403);
    }
}
