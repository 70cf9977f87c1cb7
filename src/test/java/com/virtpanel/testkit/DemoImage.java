package com.virtpanel.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Integration tests boot the project's demo image; without it they fail, loudly, with the fix. */
public final class DemoImage {

    private DemoImage() {
    }

    public static Path dir() {
        String configured = System.getenv("VP_DEMO_IMAGE_DIR");
        return Path.of(configured == null ? "/var/lib/virtpanel/images/demo" : configured);
    }

    public static void require() {
        for (String file : new String[] {"demo.qcow2", "demo-vmlinuz", "demo-initrd.img"}) {
            if (!Files.isReadable(dir().resolve(file))) {
                fail("The demo image is missing (" + dir().resolve(file) + "). Run ./panel test, which builds it, "
                        + "or images/demo/build.sh " + dir() + " as root.");
            }
        }
    }
}
