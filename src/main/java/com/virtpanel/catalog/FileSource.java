package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a file the catalog registers comes from — an absolute path on the panel's host or an
 * http(s) URL — and the copy into the panel's store that hashes it on the way and stops at a
 * size limit. Shared by images and ISOs, so both refuse the same mistakes the same way.
 */
sealed interface FileSource permits FileSource.LocalFile, FileSource.Download {

    InputStream open() throws IOException, InterruptedException;

    record LocalFile(Path path) implements FileSource {
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    record Download(URI uri, ImageDownload download) implements FileSource {
        public InputStream open() throws IOException, InterruptedException {
            return download.open(uri);
        }
    }

    /** An http(s) URL with a host, or an error on the "source" field. */
    static URI url(String text) {
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("no http(s) host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.url-not-valid"));
        }
    }

    /** A path on the panel's host or a URL, as an admin types it. */
    static FileSource parse(String text, ImageDownload download) {
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return new Download(url(text), download);
        }
        if (text.isEmpty() || !text.startsWith("/")) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.enter-absolute-path-panel-s"));
        }
        Path path = Path.of(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.no-readable-file", path));
        }
        return new LocalFile(path);
    }

    /**
     * Copies the source into {@code target} and returns the SHA-256 of what was copied; more
     * than {@code maxBytes} stops the copy with {@code tooLarge} on the "source" field.
     */
    static String copyAndHash(FileSource source, Path target, long maxBytes, UserMessage tooLarge)
            throws IOException, InterruptedException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidInputException("source", tooLarge);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.could-not-connect-file-server"));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
