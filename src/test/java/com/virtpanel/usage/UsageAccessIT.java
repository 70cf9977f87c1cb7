package com.virtpanel.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.Bytes;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Usage is read through the same per-server authorisation as everything else, with checked ranges. */
@IntegrationTest
@DemoGuests
class UsageAccessIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";

    @Autowired ServerOrders serverOrders;
    @Autowired UsageService usage;
    @Autowired Users users;
    @Autowired Guests guests;

    @Test
    void onlyTheOwnerAndStaffReadAServersUsageAndRangesAreChecked() {
        AccountSummary owner = users.newCustomer();
        AccountSummary stranger = users.newCustomer();
        long id = Users.as(owner, () -> serverOrders.order(new OrderRequest("usage-acl", "nano", "demo", List.of(KEY), null, null))).id();
        guests.awaitStatus(owner, id, ServerStatus.RUNNING); // provisioning done before clean-up can race it

        Users.as(stranger, () -> {
            assertThatThrownBy(() -> usage.metrics(id, MetricType.all(), null, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> usage.limits(id)).isInstanceOf(NotFoundException.class);
        });

        Users.as(owner, () -> {
            Metrics m = usage.metrics(id, MetricType.parse("cpu,network"), null, null);
            assertThat(m.serverId()).isEqualTo(id);
            assertThat(Duration.between(m.start(), m.end())).isEqualTo(Duration.ofHours(1));
            assertThat(m.series()).extracting(MetricSeries::name).containsExactly("cpu", "net_rx", "net_tx");
            assertThat(usage.limits(id)).isEqualTo(new UsageLimits(50, 20e6, 200, 100e6, 1000 * Bytes.GIB));
            Instant now = Instant.now();
            assertThatThrownBy(() -> usage.metrics(id, MetricType.all(), now, now.minusSeconds(60)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the end");
            assertThatThrownBy(() -> usage.metrics(id, MetricType.all(), now.minus(Duration.ofDays(401)), now))
                    .isInstanceOf(InvalidInputException.class);
        });

        Users.as(users.admin(), () -> assertThat(usage.limits(id).cpuPercent()).isEqualTo(50));
    }
}
