package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of sign-up and login. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Credentials(
        @Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED) String email,
        @Schema(format = "password", minLength = 10, maxLength = 128, requiredMode = Schema.RequiredMode.REQUIRED) String password)
        implements ApiRequest {

    @Override
    public String toString() {
        return "Credentials[" + email + "]";
    }
}
