package com.virtpanel.testkit;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A panel whose libvirt host is a {@link SecondHost}, for one test class: started with the host,
 * closed with its guests and then the host (also when starting failed half-way).
 */
public final class SecondHostPanel implements AutoCloseable {

    private final SecondHost host = new SecondHost();
    private ConfigurableApplicationContext context;

    private SecondHostPanel() {
    }

    public static SecondHostPanel start() {
        return start(new String[0]);
    }

    /** The same, with more settings for this panel ({@code "--panel.fleet.heartbeat-interval=1s"}). */
    public static SecondHostPanel start(String... settings) {
        DemoImage.require();
        var panel = new SecondHostPanel();
        try {
            panel.host.start();
            panel.context = new SpringApplicationBuilder(VirtpanelApplication.class)
                    .run(panel.host.panelArguments(java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("--spring.profiles.active=test", "--server.port=0"),
                            java.util.Arrays.stream(settings)).toArray(String[]::new)));
            return panel;
        } catch (RuntimeException e) {
            panel.close();
            throw e;
        }
    }

    public SecondHost host() {
        return host;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** What {@link #order} made: the new, verified customer and their server, as accepted. */
    public record Order(AccountSummary customer, ServerInfo server) {
    }

    /** A new customer with a confirmed address orders a nano server of the demo image named {@code name}. */
    public Order order(String name) {
        AccountSummary customer = bean(AccountService.class).signUp(name + "-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        VerifiedEmails.verify(bean(JdbcTemplate.class), customer.email());
        ServerInfo server = Users.as(customer, () -> bean(ServerOrders.class)
                .order(new OrderRequest(name, "nano", "demo", List.of(TestKeys.ED25519), null, null)));
        return new Order(customer, server);
    }

    @Override
    public void close() {
        try {
            if (context != null) {
                context.getBean(Guests.class).removeAll();
                context.close();
            }
        } finally {
            host.stop();
        }
    }
}
