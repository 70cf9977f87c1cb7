package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

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
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.no-iso", String.valueOf(isoId))));
        if (!iso.ready()) {
            throw iso.status() == IsoStatus.DOWNLOADING
                    ? new ConflictException(UserMessage.of("error.catalog.iso-still-downloading", iso.name()))
                    : new ConflictException(UserMessage.of("error.catalog.iso-not-ready", iso.name(), iso.failure()));
        }
        return iso;
    }

    /** Any ISO by id, for the host definition of a server that has it attached. */
    public IsoInfo iso(long isoId) {
        return isos.findById(isoId).map(Iso::info).orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.no-iso", String.valueOf(isoId))));
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
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.no-library-iso", String.valueOf(isoId))));
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
            throw new InvalidInputException("url", UserMessage.of("error.catalog.enter-iso-url"));
        }
        URI uri;
        try {
            uri = FileSource.url(url.trim());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("url", UserMessage.of("error.catalog.iso-url-not-valid"));
        }
        if (!customerHost.test(uri.getHost())) {
            throw new InvalidInputException("url", UserMessage.of("error.catalog.iso-url-not-public", uri.getHost()));
        }
        String expected = null;
        if (sha256 != null && !sha256.isBlank()) {
            if (!SHA256.matcher(sha256.trim()).matches()) {
                throw new InvalidInputException("sha256", UserMessage.of("error.catalog.iso-sha256-optional"));
            }
            expected = sha256.trim().toLowerCase(Locale.ROOT);
        }
        if (isos.countByOwnerAccountId(accountId) >= maxPerCustomer) {
            throw new ConflictException(UserMessage.of("error.catalog.too-many-isos", maxPerCustomer));
        }
        if (isos.existsByScopeName(Iso.scope(accountId, cleanName))) {
            throw new ConflictException(UserMessage.of("error.catalog.own-iso-exists", cleanName));
        }
        Path target = store.resolve("customer-" + accountId).resolve(cleanName + ".iso");
        Iso saved;
        try {
            saved = isos.saveAndFlush(new Iso(cleanName, accountId, uri.toString(), target.toString(), expected, null,
                    IsoStatus.DOWNLOADING, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException(UserMessage.of("error.catalog.own-iso-exists", cleanName));
        }
        long id = saved.getId();
        String checksum = expected;
        worker.execute(() -> downloadForCustomer(id, new FileSource.Download(uri, customerDownload), target, checksum));
        return saved.info();
    }

    /** Removes a customer's own ISO; someone else's is "not found". */
    public void removeForCustomer(long accountId, long isoId) {
        Iso iso = isos.findById(isoId).filter(i -> i.getOwnerAccountId() != null && i.getOwnerAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.catalog.no-iso", String.valueOf(isoId))));
        if (iso.getStatus() == IsoStatus.DOWNLOADING) {
            throw new ConflictException(UserMessage.of("error.catalog.iso-remove-while-downloading"));
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
            iso.failed(UserMessage.of("error.catalog.iso-panel-restarted"));
            isos.save(iso);
        }
    }

    private void remove(Iso iso) {
        IsoInfo info = iso.info();
        try {
            isos.delete(iso);
            isos.flush();
        } catch (DataIntegrityViolationException attached) {
            throw new ConflictException(UserMessage.of("error.catalog.iso-attached", info.name()));
        }
        deleteQuietly(Path.of(info.path()));
        events.publishEvent(new CatalogEvents.IsoRemoved(info.id(), info.name(), info.ownerAccountId()));
    }

    private FileSource checkAdmin(String name, String source, String sha256) {
        String cleanName = checkName(name);
        if (sha256 == null || !SHA256.matcher(sha256.trim()).matches()) {
            throw new InvalidInputException("sha256", UserMessage.of("error.catalog.enter-iso-sha256"));
        }
        if (isos.existsByScopeName(Iso.scope(null, cleanName))) {
            throw new ConflictException(UserMessage.of("error.catalog.library-iso-exists", cleanName));
        }
        if (Files.exists(libraryFile(cleanName))) {
            throw new ConflictException(UserMessage.of("error.catalog.iso-file-exists", cleanName, libraryFile(cleanName)));
        }
        return FileSource.parse(source == null ? "" : source.trim(), adminDownload);
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name.trim()).matches()) {
            throw new InvalidInputException("name", UserMessage.of("error.catalog.iso-name"));
        }
        return name.trim();
    }

    private Path libraryFile(String name) {
        return store.resolve("library").resolve(name + ".iso");
    }

    private IsoInfo registerChecked(String name, String source, FileSource from, String sha256) {
        if (!inProgress.add(name)) {
            throw new ConflictException(UserMessage.of("error.catalog.iso-registering", name));
        }
        Path target = libraryFile(name);
        try {
            if (isos.existsByScopeName(Iso.scope(null, name))) { // registered while this request waited
                throw new ConflictException(UserMessage.of("error.catalog.library-iso-exists", name));
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
                        ? new ConflictException(UserMessage.of("error.catalog.library-iso-exists", name)) : e;
            }
        } finally {
            inProgress.remove(name);
        }
    }

    private void downloadForCustomer(long id, FileSource from, Path target, String expected) {
        UserMessage failure;
        try {
            Fetched fetched = fetchVerified(from, target, expected);
            Iso iso = isos.findById(id).orElseThrow();
            iso.ready(fetched.sha256(), fetched.size());
            isos.save(iso);
            events.publishEvent(new CatalogEvents.IsoRegistered(id, iso.info().name(), iso.getOwnerAccountId()));
            return;
        } catch (PanelException e) {
            failure = e.message();
        } catch (RuntimeException e) {
            log.warn("Downloading ISO {} failed", id, e);
            failure = UserMessage.of("error.catalog.iso-download-failed");
        }
        deleteQuietly(target);
        UserMessage reason = failure;
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
            String actual = FileSource.copyAndHash(from, partial, maxBytes, UserMessage.of("error.catalog.iso-too-large", maxBytes >> 20));
            if (expected != null && !actual.equals(expected)) {
                throw new InvalidInputException("sha256", UserMessage.of("error.catalog.iso-sha256-mismatch", actual, expected));
            }
            if (!Iso9660.isIso(partial)) {
                throw new InvalidInputException("source", UserMessage.of("error.catalog.not-an-iso"));
            }
            long size = Files.size(partial);
            // a link, not a rename: a rename would replace a file someone else registered meanwhile
            Files.createLink(target, partial);
            return new Fetched(actual, size);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ConflictException(UserMessage.of("error.catalog.iso-store-has-file", target.getFileName()));
        } catch (IOException e) {
            throw new OperationFailedException(UserMessage.of("error.catalog.could-not-store-iso", e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(UserMessage.of("error.catalog.iso-download-interrupted"), e);
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
