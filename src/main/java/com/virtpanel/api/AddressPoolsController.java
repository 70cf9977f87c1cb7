package com.virtpanel.api;

import com.virtpanel.network.AddressPoolService;
import com.virtpanel.network.PoolDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Address pools, for admins only (the service checks the role: anyone else gets 403). */
@RestController
@Tag(name = "Address pools (staff)")
class AddressPoolsController {

    private final AddressPoolService pools;

    AddressPoolsController(AddressPoolService pools) {
        this.pools = pools;
    }

    @GetMapping("/api/v1/admin/pools")
    @Operation(summary = "Every pool with its size, used, cooling-down and free counts and who holds which address")
    List<PoolBodies.Pool> list() {
        return pools.list().stream().map(PoolBodies.Pool::of).toList();
    }

    @PostMapping("/api/v1/admin/pools")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "400", description = "malformed range, gateway outside it, a reserved range outside it, "
            + "overlap with another pool of the family (the field is named)")
    ResponseEntity<PoolBodies.Pool> create(@RequestBody PoolBodies.Create body) {
        var created = PoolBodies.Pool.of(pools.create(new PoolDraft(body.family(), body.network(), body.cidr(), body.gateway(),
                body.reserved())));
        return ResponseEntity.created(URI.create("/api/v1/admin/pools/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/admin/pools/{id}")
    @Operation(summary = "Change a pool's range, gateway and reserved ranges", description = "Refused when an address a "
            + "server holds would fall outside the pool or into a reserved range.")
    PoolBodies.Pool update(@PathVariable long id, @RequestBody PoolBodies.Change body) {
        return PoolBodies.Pool.of(pools.update(id, PoolDraft.change(body.cidr(), body.gateway(), body.reserved())));
    }
}
