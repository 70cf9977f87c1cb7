package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.network.PoolDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the staff's address pool calls. */
final class PoolBodies {

    private PoolBodies() {
    }

    record Create(@Schema(allowableValues = {"4", "6"}, requiredMode = Schema.RequiredMode.REQUIRED) Integer family,
            @Schema(description = "the host network (libvirt's name) the pool belongs to", requiredMode = Schema.RequiredMode.REQUIRED) String network,
            @Schema(description = "IPv4 /16 to /30, or an IPv6 /48 (one /64 per server)", requiredMode = Schema.RequiredMode.REQUIRED) String cidr,
            @Schema(description = "empty: the network's first address") String gateway,
            @Schema(description = "comma-separated: \"10.0.0.5\", \"10.0.0.20-10.0.0.29\", \"10.0.0.32/28\"") String reserved)
            implements ApiRequest {
    }

    record Change(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String cidr, String gateway, String reserved)
            implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Holder(String address, long serverId, String serverName, boolean resting) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Pool(long id, int family, String network, String cidr, String gateway, String reserved, long size, long used,
            long coolingDown, long free, Instant createdAt, List<Holder> holders) {

        static Pool of(PoolDetails p) {
            return new Pool(p.id(), p.family(), p.network(), p.cidr(), p.gateway(), p.reserved(), p.size(), p.used(),
                    p.coolingDown(), p.free(), p.createdAt(),
                    p.holders().stream().map(h -> new Holder(h.address(), h.serverId(), h.serverName(), h.resting())).toList());
        }
    }
}
