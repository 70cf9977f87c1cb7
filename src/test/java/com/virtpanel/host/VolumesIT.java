package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The pool on the real host: every step may run twice (a retry, a resumed operation) and many
 * at once (a busy day), and finds its own earlier work instead of failing on it.
 */
@IntegrationTest
class VolumesIT {

    static final long GIB = 1024L * 1024 * 1024;

    @Autowired Volumes volumes;
    @Autowired Domains domains;
    @Autowired HostProperties properties;
    @Value("${panel.storage.pool}") String pool;

    static DemoGuests guests;

    @AfterAll
    static void cleanUp() {
        if (guests != null) {
            guests.removeAll();
        }
    }

    @Test
    void aDiskCreatedTwiceIsReusedAndAForeignFileUnderItsNameIsReplaced() throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        Template template = guests.template();
        String disk = DemoGuests.PREFIX + "twice-disk.qcow2";

        volumes.createDisk(disk, template, 2);
        long inode = (long) Files.getAttribute(volumes.path(disk), "unix:ino");
        volumes.createDisk(disk, template, 2);
        assertThat((long) Files.getAttribute(volumes.path(disk), "unix:ino")).as("the same file, reused").isEqualTo(inode);

        Files.write(volumes.path(disk), new byte[] {1, 2, 3}); // a half-written disk from a crash
        volumes.createDisk(disk, template, 2);
        assertThat(DiskImage.read(volumes.path(disk)).isOverlayOf(volumes.path(template.volume()), 2 * GIB)).isTrue();

        volumes.delete(disk);
        volumes.delete(disk); // already gone: fine
        assertThat(volumes.exists(disk)).isFalse();
        assertThat(volumes.list(DemoGuests.PREFIX + "twice-")).isEmpty();
    }

    @Test
    void manyDisksAndSeedsWrittenAtOnceAllArriveAndLibvirtListsThem() throws Exception {
        guests = new DemoGuests(volumes, domains, properties);
        Template template = guests.template();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String name = DemoGuests.PREFIX + "burst-" + i;
                made.add(threads.submit(() -> {
                    volumes.createDisk(name + "-disk.qcow2", template, 2);
                    volumes.writeSeed(name + "-seed.iso", new CloudInitSeed("i-" + name, "burst", List.of(), null, null, List.of()));
                    return name;
                }));
            }
            for (Future<String> name : made) {
                name.get();
            }
        } finally {
            threads.shutdownNow();
        }
        String listed = Shell.virsh("vol-list", "--pool", pool);
        for (int i = 0; i < 10; i++) {
            String name = DemoGuests.PREFIX + "burst-" + i;
            assertThat(volumes.list(name + "-")).containsExactly(name + "-disk.qcow2", name + "-seed.iso");
            assertThat(listed).contains(name + "-disk.qcow2", name + "-seed.iso");
        }
    }
}
