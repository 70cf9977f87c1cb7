package com.virtpanel.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Calls the API over real HTTP on the test server's port, the way a client does. */
final class HttpApi {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    MockApi.Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    MockApi.Reply post(String path, String token, String json) {
        return send("POST", path, token, json == null ? null : HttpRequest.BodyPublishers.ofString(json), Map.of());
    }

    MockApi.Reply put(String path, String token, String json) {
        return send("PUT", path, token, HttpRequest.BodyPublishers.ofString(json), Map.of());
    }

    MockApi.Reply delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    MockApi.Reply send(String method, String path, String token, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> replyHeaders = new HashMap<>();
            response.headers().map().forEach((name, values) -> replyHeaders.put(name.toLowerCase(), String.join(", ", values)));
            return new MockApi.Reply(response.statusCode(), replyHeaders.get("content-type"), response.body(), replyHeaders);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }
}
