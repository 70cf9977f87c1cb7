package com.virtpanel.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PowerDNS's HTTP API (/api/v1/servers/localhost), only what reverse zones need: create a zone,
 * replace or delete one PTR rrset, read a zone's PTR records. Every failure (PowerDNS down,
 * an unexpected answer) is a {@link Unavailable}: the caller leaves its record pending.
 */
@Component
class PowerDns {

    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DnsProperties config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PowerDns(DnsProperties config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Creates the zone unless it exists (a Native zone: PowerDNS serves it from its own database). */
    void ensureZone(String zone, String nameserver) {
        if (send("GET", zonePath(zone), null, 200, 404).statusCode() == 200) {
            return;
        }
        var body = Map.of("name", zone, "kind", "Native", "nameservers", List.of(nameserver));
        send("POST", "/zones", body, 201, 409); // 409: another panel instance created it meanwhile
    }

    /** Makes {@code owner}'s PTR exactly {@code target} (a name with the trailing dot). */
    void replacePtr(String zone, String owner, String target) {
        var record = Map.of("content", target, "disabled", false);
        patch(zone, Map.of("name", owner, "type", "PTR", "ttl", config.ttl(), "changetype", "REPLACE",
                "records", List.of(record)));
    }

    void deletePtr(String zone, String owner) {
        patch(zone, Map.of("name", owner, "type", "PTR", "changetype", "DELETE"));
    }

    /** The zone's PTR records: owner name → target (the first record of each rrset); empty when the zone is missing. */
    Map<String, String> ptrs(String zone) {
        HttpResponse<String> answer = send("GET", zonePath(zone), null, 200, 404);
        Map<String, String> found = new HashMap<>();
        if (answer.statusCode() == 404) {
            return found;
        }
        try {
            for (JsonNode rrset : json.readTree(answer.body()).path("rrsets")) {
                if ("PTR".equals(rrset.path("type").asText()) && rrset.path("records").size() > 0) {
                    found.put(rrset.path("name").asText(), rrset.path("records").get(0).path("content").asText());
                }
            }
        } catch (IOException e) {
            throw new Unavailable("PowerDNS answered with something that is not JSON", e);
        }
        return found;
    }

    private void patch(String zone, Map<String, Object> rrset) {
        send("PATCH", zonePath(zone), Map.of("rrsets", List.of(rrset)), 204);
    }

    private static String zonePath(String zone) {
        return "/zones/" + URLEncoder.encode(zone, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, Object body, int... expected) {
        if (!config.enabled()) {
            throw new Unavailable("panel.dns.api-url is not set", null);
        }
        try {
            var request = HttpRequest.newBuilder(URI.create(config.apiUrl().replaceAll("/+$", "")
                            + "/api/v1/servers/localhost" + path))
                    .timeout(Duration.ofSeconds(5)).header("X-API-Key", config.apiKey())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (answer.statusCode() == status) {
                    return answer;
                }
            }
            throw new Unavailable("PowerDNS answered " + method + " " + path + " with " + answer.statusCode() + ": "
                    + answer.body(), null);
        } catch (IOException e) {
            throw new Unavailable("PowerDNS did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }
}
