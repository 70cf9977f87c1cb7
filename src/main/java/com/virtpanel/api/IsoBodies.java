package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.catalog.IsoInfo;
import com.virtpanel.server.ServerIsos;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Request and response bodies of the ISO calls. */
final class IsoBodies {

    private IsoBodies() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BootIso(@Schema(description = "the ISO's id (GET /api/v1/isos)", requiredMode = Schema.RequiredMode.REQUIRED) Long iso,
            @Schema(description = "boot from the ISO at every start until it is ejected (default: this boot only)")
            Boolean keepBooting) implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AddIso(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "an http(s) URL on a public address", requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @Schema(description = "optional: the download must have this SHA-256") String sha256) implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Iso(long id, String name,
            @Schema(allowableValues = {"library", "own"}) String owner,
            @Schema(allowableValues = {"downloading", "ready", "failed"}) String status,
            Long sizeBytes, String sha256, String failure, Instant createdAt) {

        static Iso of(IsoInfo i) {
            return new Iso(i.id(), i.name(), i.library() ? "library" : "own", i.status().name().toLowerCase(java.util.Locale.ROOT),
                    i.sizeBytes(), i.sha256(), i.failure() == null ? null : i.failure().in(Problems.readerLanguage()), i.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attached(long id, String name, boolean keepBooting) {

        static Attached of(ServerIsos.AttachedIso a) {
            return new Attached(a.isoId(), a.name(), a.keepBooting());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServerIso(@Schema(description = "the ISO in the server's CD-ROM drive, or null") Attached iso) {
    }
}
