package com.virtpanel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.UnavailableException;
import com.virtpanel.server.AllowedActions;
import com.virtpanel.server.ServerAction;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerStatus;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.SecondHostPanel;
import com.virtpanel.testkit.Users;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real thing, on a private libvirt host: its libvirtd stops, the panel's own heartbeat job
 * reports libvirt unreachable, the host shows down with that reason, its server reads
 * "unreachable" and refuses actions with the host message; libvirtd comes back and so does
 * everything, with nobody doing anything. Going down and coming back are audited once each.
 */
class LibvirtLostIT {

    private static SecondHostPanel panel;

    @BeforeAll
    static void startHostAndPanel() {
        panel = SecondHostPanel.start("--panel.fleet.heartbeat-interval=1s", "--panel.fleet.libvirt-lost-after=2s");
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void aHostWhoseLibvirtdStopsIsDownItsServerRefusesActionsAndAllComesBackWithLibvirtd() {
        SecondHostPanel.Order order = panel.order("lost");
        AccountSummary customer = order.customer();
        long id = order.server().id();
        Guests guests = panel.bean(Guests.class);
        guests.awaitStatus(customer, id, ServerStatus.RUNNING);
        String host = panel.bean(Heartbeat.class).localName();
        AccountSummary admin = panel.bean(Users.class).admin();
        FleetService fleet = panel.bean(FleetService.class);
        ServerService servers = panel.bean(ServerService.class);
        ServerPower power = panel.bean(ServerPower.class);

        panel.host().stopLibvirtd();
        try {
            HostDetails down = Await.until("host " + host + " down", Duration.ofSeconds(90),
                    () -> Users.as(admin, () -> fleet.list()).get(0), h -> h.state() == HostState.DOWN);
            assertThat(down.name()).isEqualTo(host);
            assertThat(down.chosenState()).isEqualTo(HostState.ACTIVE);
            assertThat(down.down().reason()).as("the panel is alive: its heartbeat says libvirt is lost")
                    .isEqualTo(HostDown.Reason.LIBVIRT_UNREACHABLE);
            assertThat(down.down().detail()).isNotBlank();

            ServerInfo shown = Users.as(customer, () -> servers.get(id));
            assertThat(shown.status()).isEqualTo(ServerStatus.UNREACHABLE);
            assertThatThrownBy(() -> Users.as(customer, () -> power.reboot(id)))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("The host of this server cannot be reached right now");
            AllowedActions allowed = Users.as(customer, () -> servers.allowedActions(id));
            for (ServerAction action : ServerAction.values()) {
                assertThat(allowed.allowed(action)).as(action.name()).isFalse();
                assertThat(allowed.reason(action).key()).as(action.name()).isEqualTo("error.server.host-unreachable");
            }
            Await.until("the outage audited", Duration.ofSeconds(30), () -> audits("fleet.host-down", host), n -> n >= 1);
        } finally {
            panel.host().startLibvirtd();
        }

        Await.until("host " + host + " back", Duration.ofSeconds(90),
                () -> Users.as(admin, () -> fleet.list()).get(0), h -> h.state() == HostState.ACTIVE && h.down() == null);
        assertThat(Users.as(customer, () -> servers.get(id)).status()).isEqualTo(ServerStatus.RUNNING);
        assertThat(Users.as(customer, () -> power.reboot(id)).status()).isEqualTo(ServerStatus.REBOOTING);
        guests.awaitStatus(customer, id, ServerStatus.RUNNING);
        Await.until("the return audited", Duration.ofSeconds(30), () -> audits("fleet.host-back", host), n -> n >= 1);
        assertThat(audits("fleet.host-down", host)).as("one outage, one row").isEqualTo(1);
        assertThat(audits("fleet.host-back", host)).isEqualTo(1);
    }

    private static int audits(String action, String host) {
        return panel.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?",
                Integer.class, action, host);
    }
}
