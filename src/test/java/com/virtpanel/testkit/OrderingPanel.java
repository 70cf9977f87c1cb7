package com.virtpanel.testkit;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerOrders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;

/**
 * A panel in a process of its own that orders one server and says so on stdout, so a test can
 * kill it (SIGKILL) in the middle of provisioning. {@link #start} launches it with the test
 * classpath; {@link #awaitOrder} returns "serverId accountId".
 */
public final class OrderingPanel {

    private static final String ORDERED = "ORDERED ";

    public static void main(String[] args) throws InterruptedException {
        var context = SpringApplication.run(VirtpanelApplication.class, args);
        var customer = context.getBean(AccountService.class).signUp("killed-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        VerifiedEmails.verify(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), customer.email());
        var server = Users.as(customer, () -> context.getBean(ServerOrders.class)
                .order(new OrderRequest("survivor", "nano", "demo", List.of(TestKeys.ED25519), null, null)));
        System.out.println(ORDERED + server.id() + " " + customer.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    public static Process start(String... args) throws java.io.IOException {
        var command = new ArrayList<>(TestJvm.command(OrderingPanel.class));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the order line: {serverId, accountId}. */
    public static long[] awaitOrder(Process process) throws java.io.IOException {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var tail = new ArrayDeque<String>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            if (line.startsWith(ORDERED)) {
                String[] parts = line.split(" ");
                return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
            }
            tail.addLast(line);
            if (tail.size() > 40) {
                tail.removeFirst();
            }
        }
        throw new AssertionError("The panel process never accepted the order. Its last output:\n" + String.join("\n", tail));
    }
}
