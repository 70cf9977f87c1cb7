package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.virtpanel.base.InvalidInputException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageDownloadTest {

    HttpServer server;
    int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/image", x -> {
            byte[] body = "qcow2-bytes".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/same-host", x -> redirect(x, "/image"));
        server.createContext("/to-loopback", x -> redirect(x, "http://127.0.0.1:" + port + "/image"));
        server.createContext("/to-metadata", x -> redirect(x, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-file", x -> redirect(x, "file:///etc/passwd"));
        server.createContext("/loop", x -> redirect(x, "/loop"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRedirectOnTheHostTheAdminChoseIsFollowed() throws Exception {
        try (InputStream in = new ImageDownload(http).open(URI.create("http://localhost:" + port + "/same-host"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("qcow2-bytes");
        }
    }

    @Test
    void redirectsToLoopbackLinkLocalOrNonHttpAddressesAreRefused() {
        var download = new ImageDownload(http);
        assertThatThrownBy(() -> download.open(URI.create("http://localhost:" + port + "/to-loopback")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("127.0.0.1").hasMessageContaining("not a public");
        assertThatThrownBy(() -> download.open(URI.create("http://localhost:" + port + "/to-metadata")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> download.open(URI.create("http://localhost:" + port + "/to-file")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s)");
    }

    @Test
    void endlessRedirectsStopAfterFive() {
        assertThatThrownBy(() -> new ImageDownload(http).open(URI.create("http://localhost:" + port + "/loop")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than 5");
    }

    @Test
    void privateAndSpecialAddressesAreNotPublic() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1", "255.255.255.255"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[] {"1.1.1.1", "151.101.2.132", "2a04:4e42::644"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange x, String location) throws java.io.IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }
}
