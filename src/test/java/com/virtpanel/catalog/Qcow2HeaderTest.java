package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class Qcow2HeaderTest {

    @Test
    void aSelfContainedQcow2IsAccepted() {
        assertThat(Qcow2Header.refusal(header(3, 0, 0))).isEmpty();
        assertThat(Qcow2Header.refusal(header(2, 0, 0))).isEmpty();
    }

    @Test
    void aQcow2WithABackingFileIsRefused() {
        assertThat(Qcow2Header.refusal(header(3, 0x1000, 0))).hasValueSatisfying(why -> assertThat(why.english()).contains("backing file"));
    }

    @Test
    void aQcow2WithAnExternalDataFileIsRefused() {
        assertThat(Qcow2Header.refusal(header(3, 0, 1L << 2))).hasValueSatisfying(why -> assertThat(why.english()).contains("external file"));
    }

    @Test
    void somethingElseIsNotAQcow2() {
        assertThat(Qcow2Header.refusal(new byte[104])).hasValueSatisfying(why -> assertThat(why.english()).contains("not a qcow2"));
    }

    @Test
    void imagesMadeByQemuImgWithABackingOrDataFileAreRefused(@TempDir Path dir) throws Exception {
        assertThat(Files.isExecutable(Path.of("/usr/bin/qemu-img"))).as("qemu-img (Debian package qemu-utils, installed by ./panel)").isTrue();
        run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "base.qcow2", "1M");
        run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "-b", dir.resolve("base.qcow2").toString(), "-F", "qcow2", "overlay.qcow2");
        run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "-o", "data_file=" + dir.resolve("data.raw"), "external.qcow2", "1M");

        assertThat(Qcow2Header.refusal(dir.resolve("base.qcow2"))).isEmpty();
        assertThat(Qcow2Header.refusal(dir.resolve("overlay.qcow2"))).hasValueSatisfying(why -> assertThat(why.english()).contains("backing"));
        assertThat(Qcow2Header.refusal(dir.resolve("external.qcow2"))).hasValueSatisfying(why -> assertThat(why.english()).contains("external"));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    private static byte[] header(int version, long backingOffset, long incompatibleFeatures) {
        ByteBuffer b = ByteBuffer.allocate(104);
        b.put(new byte[] {'Q', 'F', 'I', (byte) 0xfb}).putInt(version).putLong(backingOffset);
        b.putLong(72, incompatibleFeatures);
        return b.array();
    }
}
