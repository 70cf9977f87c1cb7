package com.virtpanel.catalog;

import com.virtpanel.base.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Registers the Debian 12 image that {@code ./panel image debian-12} (images/debian-12/build.sh)
 * builds into {@code panel.catalog.debian-image-dir}, at start-up, once it is built and while
 * the catalog lacks it. Seeding, like the demo image, rather than an admin import: the file was
 * made on this host by the panel's own script, so there is no checksum to type and no reason to
 * copy 600 MB inside the same directory; an image that appears on its own also needs no admin.
 *
 * <p>The image is registered without OS facts, so {@code ImageRegistered} has it inspected with
 * libguestfs in the background (the order wizard then shows "Debian 12.x (x86_64)"), and the
 * audit log records the registration. The file is referenced where it is: the host copies an
 * image into its pool as a template on first use, so a rebuild never changes existing disks.
 */
@Component
@Order(20)
class DebianImageSeed implements ApplicationRunner {

    static final String NAME = "debian-12";
    static final String TITLE = "Debian 12 (bookworm)";
    /** The size build.sh gives the disk; cloud-init grows it to the plan's at first boot. */
    static final int MIN_DISK_GIB = 2;
    private static final Pattern CHECKSUM_LINE = Pattern.compile("^([0-9a-f]{64})\\s+\\*?" + Pattern.quote(NAME + ".qcow2") + "\\s*$");
    private static final Logger log = LoggerFactory.getLogger(DebianImageSeed.class);

    private final CatalogService catalog;
    private final CatalogProperties properties;

    DebianImageSeed(CatalogService catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String dir = properties.debianImageDir();
        if (dir != null && !dir.isBlank()) {
            register(Path.of(dir));
        }
    }

    /**
     * Registers debian-12 from {@code dir} unless it is not built there or the catalog has it;
     * true when this call registered it. Several panel instances may start at once: the image
     * name is unique in the database, so exactly one of them registers it.
     */
    boolean register(Path dir) {
        Optional<String> sha256 = builtImage(dir);
        if (sha256.isEmpty()) {
            return false;
        }
        Path file = dir.resolve(NAME + ".qcow2");
        try {
            catalog.saveImage(new ImageDraft(NAME, TITLE, OsFamily.LINUX, Firmware.BIOS, true, file.toString(), null, null,
                    null, sha256.get(), MIN_DISK_GIB), null, null, null);
        } catch (ConflictException | DataIntegrityViolationException registeredAlready) {
            return false;
        }
        log.info("Registered image {} ({}); its inspection follows in the background", NAME, file);
        return true;
    }

    /** The checksum build.sh wrote, if the image is completely built (it writes the checksum after the image). */
    private static Optional<String> builtImage(Path dir) {
        Path sums = dir.resolve(NAME + ".sha256");
        Path file = dir.resolve(NAME + ".qcow2");
        if (!Files.isReadable(sums) || !Files.isReadable(file)) {
            log.debug("No {} image in {} (build it with ./panel image {})", NAME, dir, NAME);
            return Optional.empty();
        }
        try {
            Matcher line = CHECKSUM_LINE.matcher(Files.readString(sums).trim());
            if (!line.matches()) {
                log.warn("Not registering {}: {} is not a checksum line for {}.qcow2", NAME, sums, NAME);
                return Optional.empty();
            }
            var refusal = Qcow2Header.refusal(file);
            if (refusal.isPresent()) {
                log.warn("Not registering {}: {}", NAME, refusal.get());
                return Optional.empty();
            }
            return Optional.of(line.group(1));
        } catch (IOException e) {
            log.warn("Not registering {}: cannot read {}: {}", NAME, dir, e.getMessage());
            return Optional.empty();
        }
    }
}
