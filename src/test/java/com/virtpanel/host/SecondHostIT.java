package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.SecondHost;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.TestKeys;
import com.virtpanel.testkit.Users;
import com.virtpanel.testkit.VerifiedEmails;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A panel on a second, private libvirt host: the server it provisions runs there and nowhere else. */
class SecondHostIT {

    private static final SecondHost HOST = new SecondHost();
    private static ConfigurableApplicationContext panel;

    @BeforeAll
    static void startHostAndPanel() {
        DemoImage.require();
        HOST.start();
        panel = new SpringApplicationBuilder(VirtpanelApplication.class)
                .run(HOST.panelArguments("--spring.profiles.active=test", "--server.port=0"));
    }

    @AfterAll
    static void stop() {
        try {
            if (panel != null) {
                panel.getBean(Guests.class).removeAll();
                panel.close();
            }
        } finally {
            HOST.stop();
        }
    }

    @Test
    void anOrderedServerRunsOnTheSecondHostAndPrintsItsHostname() {
        var customer = panel.getBean(AccountService.class).signUp("second-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        VerifiedEmails.verify(panel.getBean(JdbcTemplate.class), customer.email());
        ServerInfo ordered = Users.as(customer, () -> panel.getBean(ServerOrders.class)
                .order(new OrderRequest("elsewhere", "nano", "demo", List.of(TestKeys.ED25519), null, null)));

        Guests guests = panel.getBean(Guests.class);
        ServerInfo running = guests.awaitStatus(customer, ordered.id(), ServerStatus.RUNNING);

        assertThat(HOST.virsh("list", "--name")).contains(running.domain());
        assertThat(Shell.virsh("list", "--all", "--name")).doesNotContain(running.domain());
        assertThat(guests.awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=elsewhere");
    }
}
