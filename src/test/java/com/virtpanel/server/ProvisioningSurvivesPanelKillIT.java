package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.host.Volumes;
import com.virtpanel.testkit.Await;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        String db = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("panel-" + System.nanoTime()) + ";AUTO_SERVER=TRUE";
        String[] args = {"--spring.profiles.active=test", "--server.port=0", "--spring.datasource.url=" + db};

        Process victim = startPanelProcess(args);
        long serverId;
        long accountId;
        String stepAtKill;
        try {
            String ordered = awaitLine(victim, "ORDERED ");
            String[] parts = ordered.split(" ");
            serverId = Long.parseLong(parts[1]);
            accountId = Long.parseLong(parts[2]);
            Thread.sleep(300);
            stepAtKill = "killed " + 300 + " ms after the order was accepted";
        } finally {
            victim.destroyForcibly();
            victim.waitFor(30, TimeUnit.SECONDS);
        }
        System.out.println("Panel process " + stepAtKill);

        try (var restarted = new SpringApplicationBuilder(VirtpanelApplication.class).run(args)) {
            var accounts = restarted.getBean(AccountService.class);
            var servers = restarted.getBean(ServerService.class);
            var guests = restarted.getBean(Guests.class);
            var volumes = restarted.getBean(Volumes.class);
            try {
                var owner = accounts.get(accountId);
                ServerView running = Await.until("the order to finish after the restart", Duration.ofSeconds(180),
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

    private static Process startPanelProcess(String[] args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PanelToKill.class.getName());
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String awaitLine(Process process, String prefix) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var tail = new java.util.ArrayDeque<String>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            tail.addLast(line);
            if (tail.size() > 40) {
                tail.removeFirst();
            }
        }
        throw new AssertionError("The panel process never accepted the order. Its last output:\n" + String.join("\n", tail));
    }
}
