package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's manifest and its verification, on a plain directory. */
class BackupStoreTest {

    @TempDir
    Path tmp;

    private BackupStore store(Path root) {
        return new BackupStore(new BackupProperties(root, 2, Duration.ofHours(1),
                new BackupProperties.Schedule(false, java.time.LocalTime.of(2, 0), Duration.ofHours(4), java.time.ZoneOffset.UTC,
                        Duration.ofMinutes(1)), Duration.ofDays(7)));
    }

    @Test
    void aFileRecordedInTheManifestVerifiesUntilItsBytesChange() throws Exception {
        BackupStore store = store(tmp.resolve("repo"));
        Path dir = store.prepare(7, 1024);
        Path file = dir.resolve("a.qcow2");
        Files.writeString(file, "first backup", StandardCharsets.UTF_8);
        String sha = store.sha256(file);
        assertThat(sha).isEqualTo(com.virtpanel.testkit.GuestDisk.sha256(file)); // an independent hasher
        store.record(7, new Manifest.Entry("a.qcow2", Files.size(file), sha, null, "full", "2026-12-03T00:00:00Z"));
        assertThat(store.verify(7, "a.qcow2")).isEmpty();
        assertThat(store(tmp.resolve("repo")).manifest(7).files()).singleElement()
                .satisfies(e -> assertThat(e.sha256()).isEqualTo(sha));

        Files.writeString(file, "first backuP", StandardCharsets.UTF_8);
        assertThat(store.verify(7, "a.qcow2")).contains("the file's SHA-256 changed");
        Files.writeString(file, "short", StandardCharsets.UTF_8);
        assertThat(store.verify(7, "a.qcow2")).contains("the file's size changed");
        Files.delete(file);
        assertThat(store.verify(7, "a.qcow2")).contains("the file is missing");
        assertThat(store.verify(7, "b.qcow2")).contains("not in the manifest");
    }

    @Test
    void removingAnEntryDropsItsFileAndKeepsTheOthers() throws Exception {
        BackupStore store = store(tmp.resolve("repo"));
        Path dir = store.prepare(1, 0);
        for (String name : new String[] {"a.qcow2", "b.qcow2"}) {
            Files.writeString(dir.resolve(name), name);
            store.record(1, new Manifest.Entry(name, Files.size(dir.resolve(name)), store.sha256(dir.resolve(name)),
                    name.equals("b.qcow2") ? "a.qcow2" : null, "full", "2026-12-03T00:00:00Z"));
        }
        store.remove(1, "a.qcow2");
        assertThat(dir.resolve("a.qcow2")).doesNotExist();
        assertThat(store.manifest(1).files()).extracting(Manifest.Entry::file).containsExactly("b.qcow2");
        assertThat(store.verify(1, "b.qcow2")).isEmpty();
    }

    @Test
    void aMissingRepositoryWhoseParentIsGoneIsAClearProblemAndNothingIsCreated() {
        Path gone = tmp.resolve("not-mounted/backups");
        assertThatThrownBy(() -> store(gone).prepare(1, 0)).isInstanceOf(BackupStore.RepositoryProblem.class)
                .hasMessageContaining("does not exist (is the share mounted?)");
        assertThat(tmp.resolve("not-mounted")).doesNotExist();
    }

    @Test
    void aRepositoryWithoutTheRoomNeededRefusesBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> store(tmp.resolve("repo")).prepare(1, Long.MAX_VALUE))
                .isInstanceOf(BackupStore.RepositoryProblem.class).hasMessageContaining("The backup repository is full");
        assertThat(tmp.resolve("repo/server-1")).isEmptyDirectory();
    }
}
