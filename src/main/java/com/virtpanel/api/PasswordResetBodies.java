package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the password reset calls; toString leaves the token and password out of any log. */
final class PasswordResetBodies {

    private PasswordResetBodies() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(@Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED) String email)
            implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Confirm(
            @Schema(description = "the token from the mailed link", requiredMode = Schema.RequiredMode.REQUIRED) String token,
            @Schema(format = "password", minLength = 10, requiredMode = Schema.RequiredMode.REQUIRED) String password)
            implements ApiRequest {

        @Override
        public String toString() {
            return "Confirm[…]";
        }
    }
}
