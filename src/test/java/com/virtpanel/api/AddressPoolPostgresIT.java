package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.ApiTokenService;
import com.virtpanel.host.HostProperties;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** V99 on PostgreSQL: the pools are seeded at start, and ten simultaneous overlapping creations make one pool (row lock, READ COMMITTED). */
@PostgresIntegrationTest
class AddressPoolPostgresIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate db;
    @Autowired HostProperties host;

    @Test
    void poolsAreSeededAndTenSimultaneousOverlappingCreationsMakeOne() {
        assertThat(db.queryForList("select family from address_pool where network_name = ? order by family", Integer.class,
                host.network().name())).containsExactly(4, 6);
        assertThat(db.queryForObject("select count(*) from information_schema.columns where table_schema = current_schema() and lower(table_name) = 'server'"
                + " and lower(column_name) = 'released_ipv4'", Integer.class)).isEqualTo(1);
        String admin = Users.as(users.admin(), () -> tokens.createPersonal("pools", null)).token();
        AddressPoolApiIT.tenSimultaneousCreationsOfOverlappingRangesCreateOnePool(new HttpApi(port), admin);
    }
}
