package com.virtpanel.server;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.account.AccountService;
import com.virtpanel.testkit.Users;
import java.util.List;
import org.springframework.boot.SpringApplication;

/**
 * A panel process for {@link ProvisioningSurvivesPanelKillIT}: it starts, orders one server and
 * reports the order on stdout, then keeps provisioning until the test kills it with SIGKILL.
 */
public final class PanelToKill {

    public static void main(String[] args) throws InterruptedException {
        var context = SpringApplication.run(VirtpanelApplication.class, args);
        var customer = context.getBean(AccountService.class).signUp("killed-" + System.nanoTime() + "@example.com", Users.PASSWORD);
        var server = Users.as(customer, () -> context.getBean(ServerService.class)
                .order(new OrderRequest("survivor", "nano", "demo", List.of(OrderToRunningIT.KEY), null, null)));
        System.out.println("ORDERED " + server.id() + " " + customer.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
