package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.SecondHostPanel;
import com.virtpanel.testkit.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A panel on a second, private libvirt host: the server it provisions runs there and nowhere else. */
class SecondHostIT {

    private static SecondHostPanel panel;

    @BeforeAll
    static void startHostAndPanel() {
        panel = SecondHostPanel.start();
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void anOrderedServerRunsOnTheSecondHostAndPrintsItsHostname() {
        SecondHostPanel.Order order = panel.order("elsewhere");

        Guests guests = panel.bean(Guests.class);
        ServerInfo running = guests.awaitStatus(order.customer(), order.server().id(), ServerStatus.RUNNING);

        assertThat(panel.host().virsh("list", "--name")).contains(running.domain());
        assertThat(Shell.virsh("list", "--all", "--name")).doesNotContain(running.domain());
        assertThat(guests.awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=elsewhere");
    }
}
