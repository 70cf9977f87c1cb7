package com.virtpanel.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tests that boot Debian 12 need the image images/debian-12/build.sh builds; without it they fail with the fix. */
public final class DebianImage {

    private DebianImage() {
    }

    public static Path dir() {
        String configured = System.getenv("VP_DEBIAN_IMAGE_DIR");
        return Path.of(configured == null || configured.isBlank() ? "/var/lib/virtpanel/images/debian-12" : configured);
    }

    public static void require() {
        for (String file : new String[] {"debian-12.qcow2", "debian-12.sha256"}) {
            if (!Files.isReadable(dir().resolve(file))) {
                fail("The Debian 12 image is missing (" + dir().resolve(file) + "). Run ./panel test, which builds it, "
                        + "or ./panel image debian-12, or images/debian-12/build.sh " + dir() + " as root.");
            }
        }
    }
}
