package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import com.virtpanel.server.ServerStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** panel.backup.max-parallel holds per host: the schedule starts at most N backups at once on each host. */
class BackupsPerHostTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:30:00Z");

    final ServerDirectory directory = mock(ServerDirectory.class);
    final CatalogService catalog = mock(CatalogService.class);
    final BackupRepository backups = mock(BackupRepository.class);
    final BackupService service = mock(BackupService.class);
    final BackupChains chains = mock(BackupChains.class);

    @BeforeEach
    void threeServersOnTwoHosts() {
        PlanInfo plan = mock(PlanInfo.class);
        when(plan.backupSlots()).thenReturn(3);
        when(catalog.plan(anyLong())).thenReturn(plan);
        when(directory.live()).thenReturn(List.of(server(1), server(2), server(3)));
        when(directory.host(1)).thenReturn(Optional.of("host-a"));
        when(directory.host(2)).thenReturn(Optional.of("host-a"));
        when(directory.host(3)).thenReturn(Optional.of("host-b"));
        when(directory.host(9)).thenReturn(Optional.of("host-a"));
        when(backups.findByStatus(BackupStatus.RUNNING)).thenReturn(List.of());
        when(service.startScheduled(any(), any())).thenReturn(true);
    }

    @Test
    void withOneAtATimeEachHostStartsOneNotTwo() {
        assertThat(schedule(1).pass(NOW)).isEqualTo(2);

        verify(service).startScheduled(eq(server(1)), any());
        verify(service, never()).startScheduled(eq(server(2)), any());
        verify(service).startScheduled(eq(server(3)), any());
    }

    @Test
    void aBackupRunningOnAHostFromAnEarlierPassOrAnotherInstanceTakesItsSlot() {
        when(backups.findByStatus(BackupStatus.RUNNING)).thenReturn(List.of(Backup.starting(9, 1, "disk-9", NOW)));

        assertThat(schedule(1).pass(NOW)).isEqualTo(1);

        verify(service, never()).startScheduled(eq(server(1)), any());
        verify(service, never()).startScheduled(eq(server(2)), any());
        verify(service).startScheduled(eq(server(3)), any());
    }

    @Test
    void aBackupThatDidNotStartLeavesTheSlotToTheNextServerOfItsHost() {
        when(service.startScheduled(eq(server(1)), any())).thenReturn(false); // busy, or made by another pass

        assertThat(schedule(1).pass(NOW)).isEqualTo(2);

        verify(service).startScheduled(eq(server(2)), any());
    }

    @Test
    void twoAtATimeLetBothServersOfAHostStart() {
        assertThat(schedule(2).pass(NOW)).isEqualTo(3);
    }

    @Test
    void hostSlotsCountPerHostAndTreatUnplacedServersAsOneHost() {
        HostSlots slots = new HostSlots(1, Arrays.asList("host-a", null));

        assertThat(slots.free("host-a")).isFalse();
        assertThat(slots.free("host-b")).isTrue();
        assertThat(slots.free(null)).isFalse();
        slots.taken("host-b");
        assertThat(slots.free("host-b")).isFalse();
    }

    private ScheduledBackups schedule(int maxParallel) {
        // a one-second window: every server's start is the window's opening, 02:00
        var properties = new BackupProperties(Path.of("/nonexistent"), maxParallel, Duration.ofHours(6),
                new BackupProperties.Schedule(true, LocalTime.of(2, 0), Duration.ofSeconds(1), ZoneId.of("UTC"), Duration.ofMinutes(1)),
                Duration.ofDays(7));
        return new ScheduledBackups(directory, catalog, backups, service, chains, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ServerRef server(long id) {
        return new ServerRef(id, 100 + id, "s" + id, "vp-" + id, ServerStatus.RUNNING, 7);
    }
}
