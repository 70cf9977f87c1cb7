package com.virtpanel.api;

import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The firewall limit per account under ten simultaneous creates, on PostgreSQL (row lock, READ COMMITTED). */
@PostgresIntegrationTest
class FirewallLimitsPostgresIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;

    @Test
    void tenSimultaneousCreatesStopExactlyAtTheLimit() {
        FirewallApiIT.tenSimultaneousCreatesStopExactlyAtTheLimit(new HttpApi(port),
                tokens.issueSessionToken(users.newCustomer().id()).token(),
                tokens.issueSessionToken(users.newCustomer().id()).token());
    }
}
