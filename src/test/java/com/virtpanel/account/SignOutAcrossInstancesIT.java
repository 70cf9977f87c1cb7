package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.VirtpanelApplication;
import com.virtpanel.testkit.HttpDevice;
import com.virtpanel.testkit.PostgresSchema;
import com.virtpanel.testkit.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two panel instances on one PostgreSQL database: browser sessions live in each instance's
 * memory, yet a password change or "sign out everywhere" on A ends the account's sessions on B
 * at B's next request, and so does a suspension (B checks the database at every request here: its session-check interval is
 * 0; the default caches the mark for 5 s). The session that made the change stays signed in.
 */
class SignOutAcrossInstancesIT {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        RequestContextHolder.resetRequestAttributes();
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aPasswordChangeOnOneInstanceSignsOutTheAccountsSessionsOnTheOther() {
        String schema = PostgresSchema.newSchema();
        var a = start(schema, "a");
        var b = start(schema, "b");
        AccountSummary customer = a.getBean(AccountService.class).signUp("across-" + System.nanoTime() + "@example.com",
                Users.PASSWORD);
        AccountSummary other = a.getBean(AccountService.class).signUp("bystander-" + System.nanoTime() + "@example.com",
                Users.PASSWORD);

        HttpDevice here = new HttpDevice(port(a), BROWSER).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice onB = new HttpDevice(port(b), BROWSER).signIn(customer.email(), Users.PASSWORD, false);
        HttpDevice bystanderOnB = new HttpDevice(port(b), BROWSER).signIn(other.email(), Users.PASSWORD, false);
        assertThat(onB.signedIn()).isTrue();

        inSession(here, customer, () -> {
            a.getBean(AccountService.class).changePassword(Users.PASSWORD, "Quartz-lantern-ferry-81");
            return null;
        });

        assertThat(onB.signedIn()).as("the session on the other instance, at its next request").isFalse();
        assertThat(here.signedIn()).as("the session that changed the password").isTrue();
        assertThat(bystanderOnB.signedIn()).as("another account's session").isTrue();
        HttpDevice again = new HttpDevice(port(b), BROWSER).signIn(customer.email(), "Quartz-lantern-ferry-81", false);
        assertThat(again.signedIn()).as("a sign-in after the change").isTrue();

        inSession(here, customer, () -> a.getBean(SessionService.class).signOutEverywhereElse());
        assertThat(again.signedIn()).as("signed out everywhere else, from the other instance").isFalse();
        assertThat(here.signedIn()).isTrue();

        // An admin on A suspends the bystander: their session on B ends too.
        var admin = a.getBean(AccountService.class).findByEmail("admin@virtpanel.test").orElseThrow();
        Users.as(admin, () -> a.getBean(AccountService.class).suspend(other.id()));
        assertThat(bystanderOnB.signedIn()).as("a suspended customer's session on the other instance").isFalse();
    }

    private ConfigurableApplicationContext start(String schema, String name) {
        var context = new SpringApplicationBuilder(VirtpanelApplication.class).run(
                "--spring.profiles.active=test,postgres", "--server.port=0",
                "--spring.datasource.url=" + PostgresSchema.urlFor(schema),
                "--spring.datasource.username=" + PostgresSchema.user(),
                "--spring.datasource.password=" + PostgresSchema.password(),
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=signout-" + schema,
                "--panel.host.scheduler-prefix=signout-" + schema + "-host-",
                "--panel.security.session-check-interval=0s");
        instances.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Runs as the account inside a request of this device's session (as its Vaadin UI would). */
    private static <T> T inSession(HttpDevice device, AccountSummary account, Supplier<T> work) {
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, device.sessionId()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return Users.as(account, work::get);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
