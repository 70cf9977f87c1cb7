package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.OperationFailedException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

/**
 * Registers a qcow2 image from a path or URL: the file is copied (or downloaded) into the
 * panel's image store while its SHA-256 is computed, and only a file whose checksum matches and
 * which is a self-contained qcow2 (no backing or external data file) is registered. A mismatch
 * leaves nothing behind. Downloads follow redirects only to the same host or public addresses.
 *
 * <p>Inspection (OS name and version, with libguestfs) is not done here: it reacts to
 * {@link CatalogEvents.ImageRegistered} and records what it finds with
 * {@link CatalogService#recordInspection}.
 */
@Service
public class ImageImportService {

    private static final Logger log = LoggerFactory.getLogger(ImageImportService.class);
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,39}$");

    private final CatalogService catalog;
    private final Path store;
    private final long maxBytes;
    private final ImageDownload download;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    // One import at a time: they are disk- and network-bound, and admins rarely add two at once.
    private final ExecutorService worker = new DelegatingSecurityContextExecutorService(
            Executors.newSingleThreadExecutor(r -> new Thread(r, "image-import")));

    ImageImportService(CatalogService catalog, ImageImportProperties properties,
            @Value("${panel.storage.dir:/var/lib/virtpanel}") Path storageDir) {
        this.catalog = catalog;
        this.store = properties.dir() != null ? properties.dir() : storageDir.resolve("images");
        this.maxBytes = properties.maxSize().toBytes();
        this.download = new ImageDownload(HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Copies or downloads, verifies and registers; returns when the image is registered. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImageInfo importImage(ImageImportRequest request) {
        FileSource source = check(request);
        return run(request, source);
    }

    /**
     * The same, on a background thread (downloads take minutes); the input is checked before this
     * returns, so obvious mistakes show at once. The signed-in admin stays the actor of the registration.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public CompletableFuture<ImageInfo> importInBackground(ImageImportRequest request) {
        FileSource source = check(request);
        return CompletableFuture.supplyAsync(() -> run(request, source), worker);
    }

    /** Where an image's file lives once registered. */
    Path fileOf(String name) {
        return store.resolve(name).resolve(name + ".qcow2");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private FileSource check(ImageImportRequest r) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw new InvalidInputException("name", UserMessage.of("error.catalog.image-name-lower-case-letters"));
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 100) {
            throw new InvalidInputException("title", UserMessage.of("error.catalog.give-image-title-up-100"));
        }
        if (r.osFamily() == null) {
            throw new InvalidInputException("osFamily", UserMessage.of("error.catalog.choose-operating-system-family"));
        }
        if (r.firmware() == null) {
            throw new InvalidInputException("firmware", UserMessage.of("error.catalog.choose-bios-uefi"));
        }
        if (r.minDiskGib() < 1 || r.minDiskGib() > 16384) {
            throw new InvalidInputException("minDiskGib", UserMessage.of("error.catalog.minimum-disk-size-must-between"));
        }
        if (r.sha256() == null || !SHA256.matcher(r.sha256().trim()).matches()) {
            throw new InvalidInputException("sha256", UserMessage.of("error.catalog.enter-image-s-sha-256"));
        }
        if (catalog.allImages().stream().anyMatch(i -> i.name().equals(r.name()))) {
            throw new ConflictException(UserMessage.of("error.catalog.image-exists", r.name()));
        }
        if (Files.exists(fileOf(r.name()))) {
            throw new ConflictException(UserMessage.of("error.catalog.image-file-exists", r.name(), fileOf(r.name())));
        }
        return FileSource.parse(r.source() == null ? "" : r.source().trim(), download);
    }

    private ImageInfo run(ImageImportRequest r, FileSource source) {
        if (!inProgress.add(r.name())) {
            throw new ConflictException(UserMessage.of("error.catalog.image-importing", r.name()));
        }
        Path target = fileOf(r.name());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            String actual = FileSource.copyAndHash(source, partial, maxBytes, UserMessage.of("error.catalog.image-too-large", maxBytes >> 30));
            String expected = r.sha256().trim().toLowerCase(Locale.ROOT);
            if (!actual.equals(expected)) {
                throw new InvalidInputException("sha256", UserMessage.of("error.catalog.image-sha256-mismatch", actual, expected));
            }
            var refusal = Qcow2Header.refusal(partial);
            if (refusal.isPresent()) {
                throw new InvalidInputException("source", refusal.get());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            ImageDraft draft = new ImageDraft(r.name(), r.title().trim(), r.osFamily(), r.firmware(), r.virtio(),
                    target.toString(), null, null, null, expected, r.minDiskGib());
            try {
                ImageInfo image = catalog.registerImage(draft, null, null, null);
                log.info("Registered image {} ({} bytes, sha256 {})", r.name(), Files.size(target), expected);
                return image;
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        } catch (IOException e) {
            throw new OperationFailedException(UserMessage.of("error.catalog.could-not-store-image", e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(UserMessage.of("error.catalog.image-import-was-interrupted"), e);
        } finally {
            deleteQuietly(partial);
            if (!Files.exists(target)) {
                deleteQuietly(target.getParent()); // only if empty: a failed import leaves nothing behind
            }
            inProgress.remove(r.name());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.nio.file.DirectoryNotEmptyException keep) {
            // someone else's files: leave them
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
