package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.network.PtrDetails;
import com.virtpanel.network.ReverseDnsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A server's addresses and their reverse DNS. The service checks ownership: someone else's server is 404. */
@RestController
@Tag(name = "Servers")
class AddressController {

    private final ReverseDnsService reverseDns;

    AddressController(ReverseDnsService reverseDns) {
        this.reverseDns = reverseDns;
    }

    @GetMapping("/api/v1/servers/{id}/addresses")
    @Operation(summary = "A server's addresses", description = "Its IPv4 address and its IPv6 address (::1 of the "
            + "server's own routed /64; servers ordered before IPv6 have none), each with its PTR name.")
    @ApiResponse(responseCode = "404", description = "no such server of the caller's")
    List<Address> addresses(@PathVariable long id) {
        return reverseDns.ofServer(id).stream().map(Address::of).toList();
    }

    @GetMapping("/api/v1/servers/{id}/addresses/{address}/ptr")
    @Operation(summary = "The reverse DNS name of one of a server's addresses")
    @ApiResponse(responseCode = "404", description = "no such server of the caller's, or not its address")
    Ptr ptr(@PathVariable long id, @PathVariable String address) {
        return Ptr.of(reverseDns.get(id, address));
    }

    @PutMapping("/api/v1/servers/{id}/addresses/{address}/ptr")
    @Operation(summary = "Set the reverse DNS name of one of a server's addresses", description = "Served by PowerDNS "
            + "at once; while PowerDNS is unreachable the change is kept and `pending` is true until it is delivered.")
    @ApiResponse(responseCode = "400", description = "not a fully qualified host name (field `ptr`), or, where the "
            + "panel requires it, the name does not resolve to the address")
    @ApiResponse(responseCode = "404", description = "no such server of the caller's, or not its address")
    Ptr setPtr(@PathVariable long id, @PathVariable String address, @RequestBody PtrBody body) {
        reverseDns.set(id, address, body.ptr());
        return Ptr.of(reverseDns.get(id, address)); // read after the commit: delivered to PowerDNS, or still pending
    }

    record PtrBody(@Schema(example = "mail.example.com") String ptr) implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Ptr(String address, @Schema(description = "null when the address has no PTR") String ptr,
            @Schema(description = "true while PowerDNS does not serve it yet") boolean pending) {

        static Ptr of(PtrDetails d) {
            return new Ptr(d.address(), d.ptr(), d.pending());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(String address, @Schema(allowableValues = {"4", "6"}) int family,
            @Schema(description = "prefix length of the network the address sits in") int prefix,
            @Schema(description = "the reverse DNS name; null when the address has none") String ptr,
            @Schema(description = "true while PowerDNS does not serve `ptr` yet") boolean ptrPending) {

        static Address of(PtrDetails d) {
            return new Address(d.address(), d.family(), d.prefix(), d.ptr(), d.pending());
        }
    }
}
