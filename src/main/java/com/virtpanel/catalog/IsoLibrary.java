package com.virtpanel.catalog;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.OperationFailedException;
import com.virtpanel.base.PanelException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

/**
 * Bootable ISOs: the admins' library (registered from a path or URL with its SHA-256, like
 * images, and verified before it is saved) and customers' own ISOs, fetched from a URL in the
 * background. A customer's URL must lead to public Internet addresses only, never to this host
 * or its networks; every file must be an ISO 9660 image within panel.iso.max-size.
 *
 * <p>Who the customer is, and whether their plan allows their own ISOs, the server module
 * decides: it passes the account id.
 */
@Service
public class IsoLibrary {

    private static final Logger log = LoggerFactory.getLogger(IsoLibrary.class);
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$");

    private final IsoRepository isos;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path store;
    private final long maxBytes;
    private final int maxPerCustomer;
    private final ImageDownload adminDownload;
    private final ImageDownload customerDownload;
    private final Predicate<String> customerHost;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    // Downloads are network- and disk-bound: two at a time, never in a request's thread.
    private final ExecutorService worker = new DelegatingSecurityContextExecutorService(
            Executors.newFixedThreadPool(2, r -> new Thread(r, "iso-download")));

    IsoLibrary(IsoRepository isos, ApplicationEventPublisher events, Clock clock, IsoProperties properties,
            @Value("${panel.storage.dir:/var/lib/virtpanel}") Path storageDir) {
        this.isos = isos;
        this.events = events;
        this.clock = clock;
        this.store = properties.dir() != null ? properties.dir() : storageDir.resolve("isos");
        this.maxBytes = properties.maxSize().toBytes();
        this.maxPerCustomer = properties.maxPerCustomer();
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.adminDownload = new ImageDownload(http);
        this.customerHost = properties.allowPrivateUrls() ? host -> true : PublicAddresses::onlyPublicElsewhere;
        this.customerDownload = new ImageDownload(http, customerHost);
    }

    /** The admins' library, every status. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<IsoInfo> library() {
        return isos.findByOwnerAccountIdIsNullOrderByName().stream().map(Iso::info).toList();
    }

    /** What a customer may choose from: the library's ready ISOs and their own (any status, so they see progress). */
    public List<IsoInfo> visibleTo(long accountId) {
        return Stream.concat(isos.findByOwnerAccountIdIsNullOrderByName().stream().filter(i -> i.getStatus() == IsoStatus.READY),
                isos.findByOwnerAccountIdOrderByName(accountId).stream()).map(Iso::info).toList();
    }

    /** An ISO the account may boot: the library's, or its own; anything else is "not found". */
    public IsoInfo bootableBy(long isoId, long accountId) {
        IsoInfo iso = isos.findById(isoId).map(Iso::info)
                .filter(i -> i.library() || i.ownerAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException("There is no ISO " + isoId + "."));
        if (!iso.ready()) {
            throw new ConflictException("The ISO \"" + iso.name() + "\" is not ready: "
                    + (iso.status() == IsoStatus.DOWNLOADING ? "it is still being downloaded." : iso.failure()));
        }
        return iso;
    }

    /** Any ISO by id, for the host definition of a server that has it attached. */
    public IsoInfo iso(long isoId) {
        return isos.findById(isoId).map(Iso::info).orElseThrow(() -> new NotFoundException("There is no ISO " + isoId + "."));
    }

    /** Copies or downloads, verifies and registers; returns when the ISO is in the library. */
    @PreAuthorize("hasRole('ADMIN')")
    public IsoInfo register(String name, String source, String sha256) {
        FileSource from = checkAdmin(name, source, sha256);
        return registerChecked(name.trim(), source.trim(), from, sha256);
    }

    /** The same on a background thread; the input is checked before this returns. */
    @PreAuthorize("hasRole('ADMIN')")
    public CompletableFuture<IsoInfo> registerInBackground(String name, String source, String sha256) {
        FileSource from = checkAdmin(name, source, sha256);
        return CompletableFuture.supplyAsync(() -> registerChecked(name.trim(), source.trim(), from, sha256), worker);
    }

    /** Removes a library ISO and its file; refused while a server has it attached. */
    @PreAuthorize("hasRole('ADMIN')")
    public void removeFromLibrary(long isoId) {
        Iso iso = isos.findById(isoId).filter(i -> i.getOwnerAccountId() == null)
                .orElseThrow(() -> new NotFoundException("There is no ISO " + isoId + " in the library."));
        remove(iso);
    }

    /**
     * A customer's own ISO from a URL: checked at once (a public address, the per-customer
     * count), saved as downloading, then fetched in the background; the returned row shows the
     * progress. The checksum is optional; when given, a mismatch fails the download.
     */
    public IsoInfo addForCustomer(long accountId, String name, String url, String sha256) {
        String cleanName = checkName(name);
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new InvalidInputException("url", "Enter the ISO's http(s) URL.");
        }
        URI uri;
        try {
            uri = FileSource.url(url.trim());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("url", "This URL is not valid: use an http(s) URL with a host name.");
        }
        if (!customerHost.test(uri.getHost())) {
            throw new InvalidInputException("url", "The URL's host " + uri.getHost() + " is not a public Internet address. "
                    + "ISOs are downloaded from public addresses only.");
        }
        String expected = null;
        if (sha256 != null && !sha256.isBlank()) {
            if (!SHA256.matcher(sha256.trim()).matches()) {
                throw new InvalidInputException("sha256", "A SHA-256 checksum is 64 hexadecimal characters (or leave it empty).");
            }
            expected = sha256.trim().toLowerCase(Locale.ROOT);
        }
        if (isos.countByOwnerAccountId(accountId) >= maxPerCustomer) {
            throw new ConflictException("You have " + maxPerCustomer + " ISOs already: remove one first.");
        }
        if (isos.existsByScopeName(Iso.scope(accountId, cleanName))) {
            throw new ConflictException("You have an ISO called \"" + cleanName + "\" already.");
        }
        Path target = store.resolve("customer-" + accountId).resolve(cleanName + ".iso");
        Iso saved;
        try {
            saved = isos.saveAndFlush(new Iso(cleanName, accountId, uri.toString(), target.toString(), expected, null,
                    IsoStatus.DOWNLOADING, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("You have an ISO called \"" + cleanName + "\" already.");
        }
        long id = saved.getId();
        String checksum = expected;
        worker.execute(() -> downloadForCustomer(id, new FileSource.Download(uri, customerDownload), target, checksum));
        return saved.info();
    }

    /** Removes a customer's own ISO; someone else's is "not found". */
    public void removeForCustomer(long accountId, long isoId) {
        Iso iso = isos.findById(isoId).filter(i -> i.getOwnerAccountId() != null && i.getOwnerAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException("There is no ISO " + isoId + "."));
        if (iso.getStatus() == IsoStatus.DOWNLOADING) {
            throw new ConflictException("The ISO is still being downloaded: remove it when that is done.");
        }
        remove(iso);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A download the panel's restart cut off will not resume: say so instead of "downloading" forever. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedDownloads() {
        for (Iso iso : isos.findByStatus(IsoStatus.DOWNLOADING)) {
            iso.failed("The panel restarted during the download. Remove the ISO and add it again.");
            isos.save(iso);
        }
    }

    private void remove(Iso iso) {
        IsoInfo info = iso.info();
        try {
            isos.delete(iso);
            isos.flush();
        } catch (DataIntegrityViolationException attached) {
            throw new ConflictException("The ISO \"" + info.name() + "\" is attached to a server. Eject it there first.");
        }
        deleteQuietly(Path.of(info.path()));
        events.publishEvent(new CatalogEvents.IsoRemoved(info.id(), info.name(), info.ownerAccountId()));
    }

    private FileSource checkAdmin(String name, String source, String sha256) {
        String cleanName = checkName(name);
        if (sha256 == null || !SHA256.matcher(sha256.trim()).matches()) {
            throw new InvalidInputException("sha256", "Enter the ISO's SHA-256 checksum: 64 hexadecimal characters.");
        }
        if (isos.existsByScopeName(Iso.scope(null, cleanName))) {
            throw new ConflictException("The library has an ISO called \"" + cleanName + "\" already.");
        }
        if (Files.exists(libraryFile(cleanName))) {
            throw new ConflictException("The ISO store already has a file for \"" + cleanName + "\" (" + libraryFile(cleanName)
                    + "). Remove it or choose another name.");
        }
        return FileSource.parse(source == null ? "" : source.trim(), adminDownload);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name.trim()).matches()) {
            throw new InvalidInputException("name", "An ISO name is letters, digits, dots, dashes and underscores (up to 60).");
        }
        return name.trim();
    }

    private Path libraryFile(String name) {
        return store.resolve("library").resolve(name + ".iso");
    }

    private IsoInfo registerChecked(String name, String source, FileSource from, String sha256) {
        if (!inProgress.add(name)) {
            throw new ConflictException("The ISO \"" + name + "\" is being registered already.");
        }
        Path target = libraryFile(name);
        try {
            if (isos.existsByScopeName(Iso.scope(null, name))) { // registered while this request waited
                throw new ConflictException("The library has an ISO called \"" + name + "\" already.");
            }
            long size = fetchVerified(from, target, sha256.trim().toLowerCase(Locale.ROOT)).size();
            try {
                Iso saved = isos.saveAndFlush(new Iso(name, null, source, target.toString(),
                        sha256.trim().toLowerCase(Locale.ROOT), size, IsoStatus.READY, clock.instant()));
                events.publishEvent(new CatalogEvents.IsoRegistered(saved.getId(), name, null));
                log.info("Registered ISO {} ({} bytes)", name, size);
                return saved.info();
            } catch (RuntimeException e) {
                deleteQuietly(target);
                throw e instanceof DataIntegrityViolationException
                        ? new ConflictException("The library has an ISO called \"" + name + "\" already.") : e;
            }
        } finally {
            inProgress.remove(name);
        }
    }

    private void downloadForCustomer(long id, FileSource from, Path target, String expected) {
        String failure;
        try {
            Fetched fetched = fetchVerified(from, target, expected);
            Iso iso = isos.findById(id).orElseThrow();
            iso.ready(fetched.sha256(), fetched.size());
            isos.save(iso);
            events.publishEvent(new CatalogEvents.IsoRegistered(id, iso.info().name(), iso.getOwnerAccountId()));
            return;
        } catch (PanelException e) {
            failure = e.userMessage();
        } catch (RuntimeException e) {
            log.warn("Downloading ISO {} failed", id, e);
            failure = "The download failed.";
        }
        deleteQuietly(target);
        String reason = failure;
        isos.findById(id).ifPresent(iso -> {
            iso.failed(reason);
            isos.save(iso);
        });
    }

    /**
     * Copies into a partial file next to the target, then checks the checksum (when one is
     * expected) and the ISO 9660 signature; only a file that passes both takes the target's
     * name. A failure leaves nothing behind.
     */
    private Fetched fetchVerified(FileSource from, Path target, String expected) {
        // a name of its own: a registration racing this one (another panel instance) never writes into it
        Path partial = target.resolveSibling(target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            String actual = FileSource.copyAndHash(from, partial, maxBytes, "The ISO is larger than the allowed "
                    + (maxBytes >> 20) + " MiB (panel.iso.max-size).");
            if (expected != null && !actual.equals(expected)) {
                throw new InvalidInputException("sha256", "The file's SHA-256 is " + actual + ", not " + expected
                        + ". Nothing was saved: check the checksum and the source.");
            }
            if (!Iso9660.isIso(partial)) {
                throw new InvalidInputException("source", "This file is not an ISO image (no ISO 9660 signature "
                        + "\"CD001\" at byte 0x8001).");
            }
            long size = Files.size(partial);
            // a link, not a rename: a rename would replace a file someone else registered meanwhile
            Files.createLink(target, partial);
            return new Fetched(actual, size);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConflictException("The ISO store already has a file " + target.getFileName() + ": choose another name.");
        } catch (IOException e) {
            throw new OperationFailedException("Could not store the ISO: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("The ISO download was interrupted.", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private record Fetched(String sha256, long size) {
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
