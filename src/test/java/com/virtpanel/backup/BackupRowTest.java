package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.base.Messages;
import com.virtpanel.base.UserMessage;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A backup row's rules: consistency from the freeze, why it failed kept as a message in any language, kept and held, progress while running. */
class BackupRowTest {

    /** A row as the database gives it back: with an id. */
    private static Backup row() {
        Backup b = Backup.starting(1, 2, "disk.qcow2", Instant.now());
        try {
            java.lang.reflect.Field id = Backup.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(b, 5L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return b;
    }

    @Test
    void aFrozenStartMakesAFilesystemConsistentBackupAndNoFreezeACrashConsistentOne() {
        Backup frozen = row();
        frozen.completed(BackupKind.FULL, null, true, 10, 20, "aa", true);
        Backup crash = row();
        crash.completed(BackupKind.FULL, null, true, 10, 20, "aa", false);

        assertThat(frozen.info().consistency()).isEqualTo("filesystem");
        assertThat(crash.info().consistency()).isEqualTo("crash");
    }

    @Test
    void whyABackupFailedIsReadInTheReadersLanguageAndAnOverlongDetailGivesWay() {
        Backup aborted = row();
        aborted.failed(UserMessage.of("error.host.backup-aborted"));
        Backup full = row();
        full.failed(UserMessage.of("error.backup.repository-problem", "x".repeat(2000)));

        assertThat(aborted.info().status()).isEqualTo(BackupStatus.FAILED);
        assertThat(aborted.info().detail().in(Messages.ENGLISH)).contains("stopped on the host");
        assertThat(aborted.info().detail().in(Locale.forLanguageTag("ru"))).contains("остановлено на хосте");
        assertThat(full.info().detail().key()).isEqualTo("error.backup.repository-problem");
        assertThat(full.info().detail().english()).doesNotContain("xxxx");
    }

    @Test
    void aBackupHeldForARestoreIntoANewServerIsLetGoWithItsRelease() {
        Backup b = row();
        b.completed(BackupKind.FULL, null, true, 10, 20, "aa", false);
        b.hold();
        b.restoringInto(7);
        assertThat(b.getBusyServerId()).isEqualTo(1L);
        assertThat(b.getRestoringInto()).isEqualTo(7L);

        b.release();
        assertThat(b.getBusyServerId()).isNull();
        assertThat(b.getRestoringInto()).isNull();
        assertThat(b.isKept()).isFalse();
        b.keep();
        assertThat(b.isKept()).isTrue();
    }

    @Test
    void progressIsShownOnlyWhileTheBackupRuns() {
        assertThat(row().info().progress()).as("a backup just started").isZero();
        Backup done = row();
        done.completed(BackupKind.FULL, null, true, 10, 20, "aa", false);
        Backup failed = row();
        failed.failed(UserMessage.of("error.host.backup-aborted"));

        assertThat(done.info().progress()).isNull();
        assertThat(failed.info().progress()).isNull();
    }
}
