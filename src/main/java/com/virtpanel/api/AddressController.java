package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.server.ServerAddress;
import com.virtpanel.server.ServerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A server's addresses. The service checks ownership: someone else's server is 404. */
@RestController
@Tag(name = "Servers")
class AddressController {

    private final ServerService servers;

    AddressController(ServerService servers) {
        this.servers = servers;
    }

    @GetMapping("/api/v1/servers/{id}/addresses")
    @Operation(summary = "A server's addresses", description = "Its IPv4 address and its IPv6 address (::1 of the "
            + "server's own routed /64; servers ordered before IPv6 have none).")
    @ApiResponse(responseCode = "404", description = "no such server of the caller's")
    List<Address> addresses(@PathVariable long id) {
        return servers.addresses(id).stream().map(Address::of).toList();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(String address, @Schema(allowableValues = {"4", "6"}) int family,
            @Schema(description = "prefix length of the network the address sits in") int prefix,
            @Schema(description = "the reverse DNS name; null while the panel manages no reverse zone") String ptr) {

        static Address of(ServerAddress a) {
            return new Address(a.address(), a.family(), a.prefix(), null);
        }
    }
}
