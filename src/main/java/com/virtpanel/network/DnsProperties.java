package com.virtpanel.network;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.dns.*: the PowerDNS that serves the reverse zones of the panel's networks.
 *
 * @param apiUrl               PowerDNS's HTTP API ("http://127.0.0.1:8081"); blank: the panel manages no reverse DNS
 * @param apiKey               its X-API-Key
 * @param defaultDomain        a new server's PTR is its hostname under this domain
 * @param requireForwardMatch  accept a customer's PTR only when that name resolves to the address
 * @param reconcileInterval    how often pending records are delivered and hand-changed ones put back
 * @param ttl                  the TTL of the records the panel writes
 */
@ConfigurationProperties("panel.dns")
public record DnsProperties(@DefaultValue("") String apiUrl, @DefaultValue("") String apiKey,
        @DefaultValue("servers.virtpanel.local") String defaultDomain,
        @DefaultValue("false") boolean requireForwardMatch, @DefaultValue("1m") Duration reconcileInterval,
        @DefaultValue("3600") int ttl) {

    public boolean enabled() {
        return apiUrl != null && !apiUrl.isBlank();
    }
}
