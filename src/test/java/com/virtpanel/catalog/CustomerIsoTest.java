package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.testkit.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.unit.DataSize;

/**
 * A customer's ISO from a URL: private, loopback, link-local, unique-local, multicast and this
 * host's own addresses are refused before anything is saved or fetched; a download that is too
 * large, not an ISO or has the wrong checksum fails and leaves no file. The positive download
 * uses a local HTTP server on loopback, so those cases run with panel.iso.allow-private-urls
 * (the test-only switch); the address rules are proven with it off.
 */
class CustomerIsoTest {

    static final long ACCOUNT = 7;

    @TempDir Path store;
    HttpServer http;
    IsoRepository repository = mock(IsoRepository.class);
    AtomicReference<Iso> saved = new AtomicReference<>();
    byte[] iso = isoBytes();

    @BeforeEach
    void server() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/ok.iso", x -> send(x, iso));
        http.createContext("/big.iso", x -> send(x, new byte[3 << 20]));
        http.createContext("/text.iso", x -> send(x, "not an ISO at all".repeat(4000).getBytes(StandardCharsets.UTF_8)));
        http.start();
        when(repository.saveAndFlush(any())).thenAnswer(call -> {
            Iso row = call.getArgument(0);
            ReflectionTestUtils.setField(row, "id", 1L);
            saved.set(row);
            return row;
        });
        when(repository.findById(1L)).thenAnswer(call -> Optional.ofNullable(saved.get()));
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void urlsThatLeadIntoPrivateNetworksOrToThisHostAreRefusedBeforeAnythingIsSaved() throws Exception {
        IsoLibrary library = library(false);
        for (String url : new String[] {"http://127.0.0.1/x.iso", "http://localhost/x.iso", "http://10.1.2.3/x.iso",
                "http://192.168.1.1/x.iso", "http://172.16.0.1/x.iso", "http://169.254.169.254/latest", "http://[::1]/x.iso",
                "http://[fd00::1]/x.iso", "http://[fe80::1]/x.iso", "http://224.0.0.1/x.iso", "http://0.0.0.0/x.iso",
                "http://100.64.0.1/x.iso", "http://[::ffff:10.0.0.1]/x.iso"}) {
            assertThatThrownBy(() -> library.addForCustomer(ACCOUNT, "x", url, null)).as(url)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a public Internet address");
        }
        for (String url : new String[] {"ftp://example.com/x.iso", "file:///etc/passwd", "http:///x.iso", "not a url"}) {
            assertThatThrownBy(() -> library.addForCustomer(ACCOUNT, "x", url, null)).as(url)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid");
        }
        verify(repository, never()).saveAndFlush(any());
        assertThat(PublicAddresses.onlyPublicElsewhere("127.0.0.1")).isFalse();
        // a public address on one of this host's own interfaces would reach the panel itself
        InetAddress own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream()).findFirst().orElseThrow();
        assertThat(PublicAddresses.onlyPublicElsewhere(own.getHostAddress())).isFalse();
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    }

    @Test
    void aBadChecksumIsRefusedAtOnce() {
        assertThatThrownBy(() -> library(true).addForCustomer(ACCOUNT, "x", url("/ok.iso"), "abc"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64 hexadecimal");
        verify(repository, never()).saveAndFlush(any());
    }

    @Test
    void anIsoDownloadsInTheBackgroundAndIsReadyWithItsChecksum() throws Exception {
        IsoInfo row = library(true).addForCustomer(ACCOUNT, "mine", url("/ok.iso"), sha256(iso));
        assertThat(row.status()).isEqualTo(IsoStatus.DOWNLOADING);
        IsoInfo done = awaitSettled();
        assertThat(done.status()).as(String.valueOf(done.failure())).isEqualTo(IsoStatus.READY);
        assertThat(done.sha256()).isEqualTo(sha256(iso));
        assertThat(Files.readAllBytes(Path.of(done.path()))).isEqualTo(iso);
    }

    @Test
    void aDownloadLargerThanTheLimitFailsAndLeavesNoFile() {
        library(true).addForCustomer(ACCOUNT, "big", url("/big.iso"), null);
        IsoInfo done = awaitSettled();
        assertThat(done.status()).isEqualTo(IsoStatus.FAILED);
        assertThat(done.failure().english()).contains("larger than the allowed 2 MiB");
        assertThat(Path.of(done.path())).doesNotExist();
        assertThat(Path.of(done.path() + ".part")).doesNotExist();
    }

    @Test
    void aFileThatIsNoIsoFailsAndLeavesNoFile() {
        library(true).addForCustomer(ACCOUNT, "text", url("/text.iso"), null);
        IsoInfo done = awaitSettled();
        assertThat(done.status()).isEqualTo(IsoStatus.FAILED);
        assertThat(done.failure().english()).contains("not an ISO image");
        assertThat(Path.of(done.path())).doesNotExist();
    }

    @Test
    void aWrongChecksumFailsTheDownload() {
        library(true).addForCustomer(ACCOUNT, "wrong", url("/ok.iso"), "0".repeat(64));
        IsoInfo done = awaitSettled();
        assertThat(done.status()).isEqualTo(IsoStatus.FAILED);
        assertThat(done.failure().english()).contains("SHA-256");
        // kept as a message, so a Russian reader reads it in Russian long after it was stored
        assertThat(done.failure().in(com.virtpanel.base.Messages.RUSSIAN)).contains("SHA-256").isNotEqualTo(done.failure().english());
        assertThat(Path.of(done.path())).doesNotExist();
    }

    private IsoInfo awaitSettled() {
        return Await.until("the download to settle", Duration.ofSeconds(30), () -> saved.get().info(),
                i -> i.status() != IsoStatus.DOWNLOADING);
    }

    private IsoLibrary library(boolean allowPrivate) {
        var properties = new IsoProperties(store, DataSize.ofMegabytes(2), Duration.ofSeconds(5), 5, allowPrivate);
        return new IsoLibrary(repository, mock(ApplicationEventPublisher.class), Clock.systemUTC(), properties, store);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private static void send(com.sun.net.httpserver.HttpExchange x, byte[] body) throws IOException {
        x.sendResponseHeaders(200, body.length);
        try (var out = x.getResponseBody()) {
            out.write(body);
        }
        x.close();
    }

    /** 64 KiB with the ISO 9660 signature where a CD-ROM's first volume descriptor has it. */
    private static byte[] isoBytes() {
        byte[] b = new byte[64 * 1024];
        b[0x8000] = 1;
        System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, b, 0x8001, 5);
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
