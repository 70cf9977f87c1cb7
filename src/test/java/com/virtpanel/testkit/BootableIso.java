package com.virtpanel.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A small bootable ISO built from Debian's packages for ISO-boot tests: GRUB (grub-mkrescue,
 * from grub-pc-bin, xorriso and mtools) starts the kernel the demo image is built from
 * (/boot/vmlinuz-*, the same Debian kernel) with a one-file initramfs (static busybox) whose
 * init prints {@code banner} on the serial console and then waits.
 */
public final class BootableIso {

    private BootableIso() {
    }

    public static Path build(Path dir, String banner) throws IOException {
        Path kernel;
        try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
            kernel = boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).sorted().reduce((a, b) -> b)
                    .orElse(null);
        }
        if (kernel == null || !Files.isDirectory(Path.of("/usr/lib/grub/i386-pc"))
                || !Files.isExecutable(Path.of("/usr/bin/busybox"))) {
            fail("Building a test ISO needs a Debian kernel in /boot, grub-pc-bin, xorriso, mtools and busybox: ./panel test installs them.");
        }
        Path initrd = dir.resolve("initrd");
        Files.createDirectories(initrd.resolve("bin"));
        Files.copy(Path.of("/usr/bin/busybox"), initrd.resolve("bin/busybox"));
        Path init = initrd.resolve("init");
        // no /dev in an initramfs until devtmpfs is mounted: the banner goes to the serial port itself
        Files.writeString(init, """
                #!/bin/busybox sh
                /bin/busybox mkdir -p /dev
                /bin/busybox mount -t devtmpfs devtmpfs /dev
                /bin/busybox echo "%s" > /dev/ttyS0
                while :; do /bin/busybox sleep 3600; done
                """.formatted(banner));
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("boot/grub"));
        Files.copy(kernel, root.resolve("boot/vmlinuz"));
        run("sh", "-c", "cd '" + initrd + "' && find . | cpio -o -H newc 2>/dev/null | gzip -1 > '" + root.resolve("boot/initrd.gz") + "'");
        Files.writeString(root.resolve("boot/grub/grub.cfg"), """
                serial --unit=0 --speed=115200
                terminal_output serial console
                set timeout=0
                menuentry test-iso {
                  linux /boot/vmlinuz console=ttyS0,115200
                  initrd /boot/initrd.gz
                }
                """);
        Path iso = dir.resolve("test.iso");
        run("grub-mkrescue", "-o", iso.toString(), root.toString());
        return iso;
    }

    /** The file's SHA-256 as sha256sum prints it. */
    public static String sha256(Path file) {
        return run("sha256sum", file.toString()).split("\\s+")[0];
    }

    private static String run(String... command) {
        Shell.Result result = Shell.run(command);
        if (!result.ok()) {
            fail(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }
}
