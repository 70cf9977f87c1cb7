package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.virtpanel.host.DomainState;
import com.virtpanel.host.Domains;
import com.virtpanel.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** The 60-minute rule and the end after the first boot, with an injected clock (no waiting). */
class RescueEndTest {

    static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final ServerRepository servers = mock(ServerRepository.class);
    final ServerRescue rescue = mock(ServerRescue.class);
    final Domains domains = mock(Domains.class);
    final TransactionTemplate tx = mock(TransactionTemplate.class);
    final Duration timeout = defaultTimeout();
    Server server;
    RescueEnd end;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void inRescueSinceT0() {
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0)).doInTransaction(null));
        server = new Server(1, "web-1", 1, 1, "vp-t-7", "10.0.0.10", "52:54:00:00:00:07", List.of(), null, null, T0);
        ReflectionTestUtils.setField(server, "id", 7L);
        server.finish(ServerStatus.RESCUE, T0);
        server.enterRescue(T0.plus(timeout), T0);
        when(servers.findByStatusIn(any())).thenReturn(List.of(server));
        when(servers.findByDomainName("vp-t-7")).thenReturn(java.util.Optional.of(server));
        when(domains.state("vp-t-7")).thenReturn(DomainState.RUNNING);
        when(rescue.endAutomatically(anyLong(), anyString())).thenReturn(true);
        end = new RescueEnd(servers, rescue, domains, tx, clock, com.virtpanel.base.hosts.LocalHost.named("here"));
    }

    @Test
    void byDefaultRescueModeLastsSixtyMinutes() {
        assertThat(timeout).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aRunningRescueSystemEndsWhenItsSixtyMinutesAreUpAndNotBefore() {
        clock.set(T0.plus(Duration.ofMinutes(59)).plusSeconds(59));
        end.endDue();
        verify(rescue, never()).endAutomatically(anyLong(), anyString());

        clock.set(T0.plus(Duration.ofMinutes(60)));
        end.endDue();
        verify(rescue).endAutomatically(7L, RescueEnd.TIME_UP);
    }

    @Test
    void aRescueSystemThatStoppedEndsRescueModeBeforeItsTimeIsUp() {
        clock.set(T0.plus(Duration.ofMinutes(5)));
        when(domains.state("vp-t-7")).thenReturn(DomainState.SHUT_OFF);
        end.endDue();
        verify(rescue).endAutomatically(7L, RescueEnd.STOPPED);
    }

    @Test
    void aStopEventEndsRescueModeOnlyWhenTheGuestIsReallyStopped() {
        end.on(new com.virtpanel.host.GuestLifecycle("vp-t-7", com.virtpanel.host.GuestLifecycle.Change.STOPPED));
        verify(rescue, never()).endAutomatically(anyLong(), anyString()); // a late event of the stop before the rescue boot

        when(domains.state("vp-t-7")).thenReturn(DomainState.SHUT_OFF);
        end.on(new com.virtpanel.host.GuestLifecycle("vp-t-7", com.virtpanel.host.GuestLifecycle.Change.STOPPED));
        verify(rescue).endAutomatically(7L, RescueEnd.STOPPED);
    }

    @Test
    void aServerBusyWithAnOperationIsLeftToIt() {
        server.beginLeaveRescue(true, T0);
        clock.set(T0.plus(Duration.ofHours(3)));
        end.endDue();
        verify(rescue, never()).endAutomatically(anyLong(), anyString());
    }

    private static Duration defaultTimeout() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("panel.rescue", RescueProperties.class).timeout();
    }
}
