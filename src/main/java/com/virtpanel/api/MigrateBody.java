package com.virtpanel.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of the staff-only migrate action; without {@code host}, placement picks one of the other hosts. */
record MigrateBody(@Schema(description = "the host to move the server to", example = "node-2") String host) implements ApiRequest {
}
