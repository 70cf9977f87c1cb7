package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.DemoGuests;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A nano/demo order becomes a running guest on the real host, and the guest got its seed. */
@IntegrationTest
@DemoGuests
class OrderToRunningIT {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D test@virtpanel";

    @Autowired ServerOrders serverOrders;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired Volumes volumes;

    @Test
    void anOrderedDemoServerRunsAndPrintsItsSeededHostname() {
        AccountSummary alice = users.newCustomer();
        ServerInfo ordered = Users.as(alice, () -> serverOrders.order(new OrderRequest("web-1", "nano", "demo", List.of(KEY), null, null)));
        assertThat(ordered.status()).isEqualTo(ServerStatus.PROVISIONING);
        assertThat(ordered.ipv4()).isNotBlank();

        ServerInfo running = guests.awaitStatus(alice, ordered.id(), ServerStatus.RUNNING);
        assertThat(Shell.virsh("domstate", running.domain())).isEqualTo("running");
        assertThat(Shell.virsh("dominfo", running.domain())).contains("CPU(s):         1");

        String serial = guests.awaitSerial(running.domain(), "virtpanel-demo ready");
        assertThat(serial).contains("hostname=web-1");
        assertThat(serial).contains("ipv4=" + running.ipv4() + "/");
        assertThat(serial).contains("ipv6=" + running.ipv6() + "/64");
        assertThat(volumes.list(running.domain() + "-")).hasSize(2);
    }
}
