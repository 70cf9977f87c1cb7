package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Users;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/** Registering a qcow2 from a path or a URL: copied into the image store only when its SHA-256 matches. */
@IntegrationTest
class ImageImportIT {

    @TempDir
    static Path work;
    static Path qcow2;
    static String sha256;
    static final List<Path> created = new ArrayList<>();

    @Autowired ImageImportService importer;
    @Autowired CatalogService catalog;
    @Autowired Users users;

    @BeforeAll
    static void image() throws Exception {
        qcow2 = work.resolve("tiny.qcow2");
        var made = Shell.run("qemu-img", "create", "-q", "-f", "qcow2", qcow2.toString(), "16M");
        assertThat(made.ok()).as(made.output()).isTrue();
        sha256 = hash(qcow2);
    }

    @AfterAll
    static void removeStoredImages() throws IOException {
        for (Path dir : created) {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void aQcow2FromAPathIsCopiedIntoTheStoreAndRegistered() throws Exception {
        String name = uniqueName();
        ImageInfo image = Users.as(users.admin(), () -> importer.importImage(request(name, qcow2.toString(), sha256.toUpperCase())));

        Path stored = importer.fileOf(name);
        created.add(stored.getParent());
        assertThat(image.sourcePath()).isEqualTo(stored.toString());
        assertThat(stored).exists();
        assertThat(hash(stored)).isEqualTo(sha256);
        assertThat(image.sha256()).isEqualTo(sha256);
        assertThat(image.enabled()).isTrue();
        assertThat(catalog.orderableImage(name).id()).isEqualTo(image.id());
    }

    @Test
    void aChecksumMismatchRegistersNothingAndLeavesNoFile() {
        String name = uniqueName();
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> Users.as(users.admin(), () -> importer.importImage(request(name, qcow2.toString(), wrong))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(sha256)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sha256"));
        assertThat(importer.fileOf(name).getParent()).doesNotExist();
        assertThat(Users.as(users.admin(), () -> catalog.allImages())).noneMatch(i -> i.name().equals(name));
    }

    @Test
    void aQcow2FromAUrlIsDownloadedVerifiedAndRegistered() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = Files.readAllBytes(qcow2);
        server.createContext("/images/tiny.qcow2", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String name = uniqueName();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/images/tiny.qcow2";
            ImageInfo image = Users.as(users.admin(), () -> importer.importInBackground(request(name, url, sha256))).get();
            created.add(importer.fileOf(name).getParent());
            assertThat(hash(Path.of(image.sourcePath()))).isEqualTo(sha256);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFileThatIsNotQcow2IsRefusedEvenWithTheRightChecksum() throws Exception {
        Path raw = work.resolve("not-an-image.img");
        Files.writeString(raw, "just text", StandardCharsets.UTF_8);
        String name = uniqueName();
        assertThatThrownBy(() -> Users.as(users.admin(), () -> importer.importImage(request(name, raw.toString(), hash(raw)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a qcow2");
        assertThat(importer.fileOf(name).getParent()).doesNotExist();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsCopied() {
        String name = uniqueName();
        assertThatThrownBy(() -> Users.as(users.admin(), () -> importer.importImage(request(name, "relative/path.qcow2", sha256))))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("source"));
        assertThatThrownBy(() -> Users.as(users.admin(), () -> importer.importImage(request(name, qcow2.toString(), "abc"))))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sha256"));
        assertThatThrownBy(() -> Users.as(users.admin(), () -> importer.importImage(request(name, "ftp://example.com/x.qcow2", sha256))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(importer.fileOf(name).getParent()).doesNotExist();
    }

    private static ImageImportRequest request(String name, String source, String checksum) {
        return new ImageImportRequest(name, "Tiny test image", OsFamily.LINUX, Firmware.BIOS, true, source, checksum, 1);
    }

    private static String uniqueName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
