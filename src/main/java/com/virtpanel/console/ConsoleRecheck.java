package com.virtpanel.console;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks this instance's open consoles against the database every few seconds. Events reach
 * only the instance that published them; behind a load balancer a server stopped or an
 * account suspended on another instance is seen here. Not a Quartz job: a clustered Quartz
 * runs a job on one instance, but every instance must check its own sockets. It also drops
 * consoles whose browser stopped reading ({@link LiveConsole#abortIfStuck}).
 */
@Component
class ConsoleRecheck {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRecheck.class);
    /** How long a send to a browser may wait for it to read. */
    static final Duration STUCK_SEND = Duration.ofSeconds(20);

    private final ConsoleSessions sessions;
    private final ServerDirectory directory;
    private final AccountService accounts;
    private final ConsoleProperties properties;
    private final ConsoleLifecycle lifecycle;
    private ScheduledExecutorService timer;

    ConsoleRecheck(ConsoleSessions sessions, ServerDirectory directory, AccountService accounts, ConsoleProperties properties,
            ConsoleLifecycle lifecycle) {
        this.sessions = sessions;
        this.directory = directory;
        this.accounts = accounts;
        this.properties = properties;
        this.lifecycle = lifecycle;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-recheck");
            t.setDaemon(true);
            return t;
        });
        long every = properties.recheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::recheck, every, every, TimeUnit.MILLISECONDS);
    }

    void recheck() {
        for (LiveConsole c : sessions.snapshot()) {
            if (c.abortIfStuck(STUCK_SEND)) {
                log.info("Console {} of server {}: its browser took nothing for {} s, dropped", c.id, c.grant.serverId(),
                        STUCK_SEND.toSeconds());
                continue;
            }
            try {
                Optional<ServerRef> server = directory.find(c.grant.serverId());
                if (server.isEmpty() || !ConsoleTickets.showsConsole(server.get().status())) {
                    c.close(lifecycle.whyEnded(server, c.grant.ownerAccountId())); // deleted, reinstalled, stopped
                } else if (suspended(server.get().accountId()) || suspended(c.grant.accountId())
                        || suspended(c.grant.realAccountId())) {
                    c.close(CloseReason.ACCESS_ENDED);
                }
            } catch (RuntimeException e) {
                log.debug("Console recheck of {} skipped: {}", c.id, e.toString());
            }
        }
    }

    private boolean suspended(long accountId) {
        return accounts.get(accountId).status() == AccountStatus.SUSPENDED;
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
