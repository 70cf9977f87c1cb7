package com.virtpanel.server;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.host.DomainState;
import com.virtpanel.host.Domains;
import com.virtpanel.host.GuestLifecycle;
import com.virtpanel.host.GuestLifecycle.Change;
import com.virtpanel.host.HostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Libvirt's lifecycle events set a settled server's status, unless the guest's state now says the event is out of date. */
class StatusSyncTest {

    static final String DOMAIN = "vp-web-1";

    final ServerRepository servers = mock(ServerRepository.class);
    final Domains domains = mock(Domains.class);
    final ServerTransitions transitions = mock(ServerTransitions.class);
    final TransactionTemplate tx = mock(TransactionTemplate.class);
    final StatusSync sync = new StatusSync(servers, domains, transitions, tx, Clock.systemUTC(), LocalHost.named("a"));
    final Server server = new Server(7, "web-1", 1, 1, DOMAIN, null, "52:54:00:00:00:01", List.of(), null, null, Instant.EPOCH);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aSettledServer() {
        server.finish(ServerStatus.STOPPED, Instant.EPOCH);
        when(servers.findByDomainName(DOMAIN)).thenReturn(Optional.of(server));
        doAnswer(call -> {
            ((Consumer<TransactionStatus>) call.getArgument(0)).accept(null);
            return null;
        }).when(tx).executeWithoutResult(any());
    }

    @Test
    void aStartedGuestIsRunning() {
        when(domains.state(DOMAIN)).thenReturn(DomainState.RUNNING);
        sync.on(new GuestLifecycle(DOMAIN, Change.STARTED));
        verify(transitions).status(server, ServerStatus.RUNNING);
    }

    @Test
    void aStartedEventThatArrivesAfterTheGuestStoppedAgainIsIgnored() {
        when(domains.state(DOMAIN)).thenReturn(DomainState.SHUT_OFF);
        sync.on(new GuestLifecycle(DOMAIN, Change.STARTED));
        verify(transitions, never()).status(any(), any());
    }

    @Test
    void aStoppedEventThatArrivesAfterTheGuestRunsAgainIsIgnored() {
        when(domains.state(DOMAIN)).thenReturn(DomainState.RUNNING);
        sync.on(new GuestLifecycle(DOMAIN, Change.STOPPED));
        verify(transitions, never()).status(any(), any());
    }

    @Test
    void whenLibvirtDoesNotAnswerTheEventDecides() {
        when(domains.state(DOMAIN)).thenThrow(mock(HostException.class));
        sync.on(new GuestLifecycle(DOMAIN, Change.STOPPED));
        verify(transitions).status(server, ServerStatus.STOPPED);
    }
}
