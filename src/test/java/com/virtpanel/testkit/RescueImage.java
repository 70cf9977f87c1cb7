package com.virtpanel.testkit;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Rescue tests boot the project's rescue system; it is built here when missing (cached, seconds). */
public final class RescueImage {

    private RescueImage() {
    }

    public static Path dir() {
        String configured = System.getenv("VP_RESCUE_IMAGE_DIR");
        return Path.of(configured == null ? "/var/lib/virtpanel/images/rescue" : configured);
    }

    public static void require() {
        Shell.Result built = Shell.run("images/rescue/build.sh", dir().toString());
        if (!built.ok() || !Files.isReadable(dir().resolve("rescue-initrd.img"))) {
            fail("The rescue system could not be built into " + dir() + " (./panel test builds it): " + built.output());
        }
    }
}
