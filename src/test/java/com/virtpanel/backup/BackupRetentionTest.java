package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.UserMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which scheduled backups the schedule prunes. */
class BackupRetentionTest {

    static final Instant DAY_ONE = Instant.parse("2026-12-01T02:30:00Z");

    @Test
    void goodBackupsBeyondTheSlotsGoOldestFirst() {
        List<Backup> newestFirst = newestFirst(BackupStatus.OK, BackupStatus.OK, BackupStatus.OK, BackupStatus.OK, BackupStatus.OK);

        assertThat(ScheduledBackups.surplus(newestFirst, 3)).containsExactly(newestFirst.get(4), newestFirst.get(3));
        assertThat(ScheduledBackups.surplus(newestFirst, 5)).isEmpty();
        assertThat(ScheduledBackups.surplus(newestFirst, 0)).hasSize(5);
    }

    @Test
    void aFailedDayNeverPushesOutAGoodBackupAndRunningOrDamagedOnesStay() {
        // newest first: running, failed, ok, damaged, ok, failed, ok
        List<Backup> newestFirst = newestFirst(BackupStatus.RUNNING, BackupStatus.FAILED, BackupStatus.OK, BackupStatus.DAMAGED,
                BackupStatus.OK, BackupStatus.FAILED, BackupStatus.OK);

        List<Backup> surplus = ScheduledBackups.surplus(newestFirst, 2);

        // the oldest good one (beyond two good ones) and nothing else: two failed ones fit in two slots
        assertThat(surplus).containsExactly(newestFirst.get(6));
        assertThat(ScheduledBackups.surplus(newestFirst, 1)).containsExactly(newestFirst.get(6), newestFirst.get(5), newestFirst.get(4));
    }

    private static List<Backup> newestFirst(BackupStatus... statuses) {
        var list = new ArrayList<Backup>();
        for (int i = 0; i < statuses.length; i++) {
            LocalDate day = LocalDate.of(2026, 12, 1).plusDays(statuses.length - 1 - i);
            Backup b = Backup.scheduled(1, 1, "vp-1-disk.qcow2", DAY_ONE.plusSeconds(86_400L * (statuses.length - 1 - i)), day);
            switch (statuses[i]) {
                case OK -> b.completed(BackupKind.FULL, null, true, 1, 1, "00", false);
                case FAILED -> b.failed(UserMessage.of("error.backup.failed-unexpectedly"));
                case DAMAGED -> {
                    b.completed(BackupKind.FULL, null, true, 1, 1, "00", false);
                    b.damaged(UserMessage.of("error.backup.damaged"));
                }
                case RUNNING -> { }
            }
            list.add(b);
        }
        return list;
    }
}
