package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk left by an earlier try of the same step is recognised for what it is, with qemu-img's own eyes. */
class DiskImageTest {

    static final long GIB = 1024L * 1024 * 1024;

    @TempDir Path dir;

    @Test
    void anOverlayOfTheTemplateWithTheWantedSizeIsRecognised() {
        Path template = qcow2("template.qcow2", "1G", null);
        Path disk = qcow2("disk.qcow2", "2G", template);

        assertThat(DiskImage.read(disk).isOverlayOf(template, 2 * GIB)).isTrue();
    }

    @Test
    void aDiskOfAnotherSizeOrOnAnotherTemplateIsNotReused() {
        Path template = qcow2("template.qcow2", "1G", null);
        Path other = qcow2("other.qcow2", "1G", null);

        assertThat(DiskImage.read(qcow2("small.qcow2", "1G", template)).isOverlayOf(template, 2 * GIB)).isFalse();
        assertThat(DiskImage.read(qcow2("elsewhere.qcow2", "2G", other)).isOverlayOf(template, 2 * GIB)).isFalse();
    }

    @Test
    void aHalfWrittenFileIsNotADisk() throws Exception {
        Path template = qcow2("template.qcow2", "1G", null);
        Path junk = Files.write(dir.resolve("junk.qcow2"), new byte[] {1, 2, 3});

        DiskImage read = DiskImage.read(junk);

        assertThat(read.format()).isEqualTo("raw");
        assertThat(read.isOverlayOf(template, 2 * GIB)).isFalse();
    }

    private Path qcow2(String name, String size, Path backing) {
        Path file = dir.resolve(name);
        var result = backing == null
                ? Shell.run("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), size)
                : Shell.run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", backing.toString(), file.toString(), size);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return file;
    }
}
