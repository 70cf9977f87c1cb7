package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.OrderingPanel;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A panel process killed (SIGKILL) right after accepting an order, in the middle of
 * provisioning; a new panel on the same database finishes the order: one running guest, its
 * two volumes, nothing doubled and nothing lost.
 */
class ProvisioningSurvivesPanelKillIT {

    @Test
    void aPanelKilledDuringProvisioningFinishesTheOrderAfterRestart() throws Exception {
        DemoImage.require();
        Path dir = Files.createDirectories(Path.of("target", "kill-test"));
        String db = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("panel-" + System.nanoTime()) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        String[] args = {"--spring.profiles.active=test", "--server.port=0", "--spring.datasource.url=" + db};

        Process victim = OrderingPanel.start(args);
        long serverId;
        long accountId;
        try {
            long[] ordered = OrderingPanel.awaitOrder(victim);
            serverId = ordered[0];
            accountId = ordered[1];
            Thread.sleep(300);
        } finally {
            victim.destroyForcibly();
            victim.waitFor(30, TimeUnit.SECONDS);
        }

        try (var restarted = new SpringApplicationBuilder(VirtpanelApplication.class).run(args)) {
            var accounts = restarted.getBean(AccountService.class);
            var servers = restarted.getBean(ServerService.class);
            var guests = restarted.getBean(Guests.class);
            var volumes = restarted.getBean(Volumes.class);
            try {
                var owner = accounts.get(accountId);
                ServerInfo running = Await.until("the order to finish after the restart", Duration.ofSeconds(180),
                        () -> Users.as(owner, () -> servers.get(serverId)), s -> s.status() == ServerStatus.RUNNING);
                assertThat(Shell.virsh("domstate", running.domain())).isEqualTo("running");
                assertThat(Shell.virsh("list", "--all", "--name")).containsOnlyOnce(running.domain());
                assertThat(volumes.list(running.domain() + "-"))
                        .containsExactlyInAnyOrder(running.domain() + "-disk-1.qcow2", running.domain() + "-seed-1.iso");
                assertThat(guests.awaitSerial(running.domain(), "virtpanel-demo ready")).contains("hostname=survivor");
                assertThat(Users.as(owner, () -> servers.list())).hasSize(1);
            } finally {
                guests.removeAll();
            }
        }
    }
}
