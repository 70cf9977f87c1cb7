package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The rescue system built by images/rescue/build.sh: a kernel and an initramfs that runs from RAM,
 * booted directly by QEMU instead of the server's disk.
 */
@Component
public class RescueSystem {

    /** panel.rescue.image-dir: where ./panel builds the rescue system. */
    @ConfigurationProperties("panel.rescue")
    record Properties(@DefaultValue("/var/lib/virtpanel/images/rescue") Path imageDir) {
    }

    private final Path dir;

    RescueSystem(Properties properties) {
        this.dir = properties.imageDir();
    }

    /** Whether the rescue system has been built on this host. */
    public boolean available() {
        return Files.isReadable(dir.resolve("rescue-vmlinuz")) && Files.isReadable(dir.resolve("rescue-initrd.img"))
                && Files.isReadable(dir.resolve("rescue.cmdline"));
    }

    DirectBoot boot() {
        if (!available()) {
            throw new HostException(HostException.Kind.FAILED, UserMessage.of("error.host.rescue-system-missing"),
                    "rescue system missing in " + dir + " (images/rescue/build.sh)", null);
        }
        try {
            String cmdline = Files.readString(dir.resolve("rescue.cmdline")).trim();
            return new DirectBoot(dir.resolve("rescue-vmlinuz").toString(), dir.resolve("rescue-initrd.img").toString(), cmdline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
