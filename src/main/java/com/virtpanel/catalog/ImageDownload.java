package com.virtpanel.catalog;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Opens an image URL, following at most five redirects itself. The admin chose the first host;
 * a redirect may lead back to that host or to a public address, never into the panel's own
 * networks (the admin could otherwise probe internal services through the panel). The client
 * must not follow redirects on its own.
 */
final class ImageDownload {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final Predicate<String> publicHost;

    ImageDownload(HttpClient http, Predicate<String> publicHost) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must leave redirects to ImageDownload");
        }
        this.http = http;
        this.publicHost = publicHost;
    }

    ImageDownload(HttpClient http) {
        this(http, PublicAddresses::onlyPublic);
    }

    InputStream open(URI uri) throws IOException, InterruptedException {
        URI current = uri;
        for (int hops = 0; ; hops++) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(current).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            response.body().close();
            if (!REDIRECTS.contains(status)) {
                throw new InvalidInputException("source", UserMessage.of("error.catalog.http-status", String.valueOf(status)));
            }
            if (hops == MAX_REDIRECTS) {
                throw new InvalidInputException("source", UserMessage.of("error.catalog.too-many-redirects", MAX_REDIRECTS));
            }
            current = next(uri, current, response.headers().firstValue("Location").orElse(null));
        }
    }

    private URI next(URI first, URI current, String location) {
        if (location == null) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.server-answered-redirect-without-saying"));
        }
        URI next;
        try {
            next = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.url-redirects-invalid-address"));
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.url-redirects-something-other-than"));
        }
        if (!next.getHost().equalsIgnoreCase(first.getHost()) && !publicHost.test(next.getHost())) {
            throw new InvalidInputException("source", UserMessage.of("error.catalog.redirect-not-public", next.getHost()));
        }
        return next;
    }
}
