package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of the token exchange: the password, and the current code when two-factor authentication is on. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TokenRequest(
        @Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED) String email,
        @Schema(format = "password", minLength = 10, maxLength = 128, requiredMode = Schema.RequiredMode.REQUIRED) String password,
        @Schema(description = "the 6-digit code from the authenticator app, or a recovery code; required when two-factor "
                + "authentication is on", example = "123456", requiredMode = Schema.RequiredMode.NOT_REQUIRED) String otp)
        implements ApiRequest {

    @Override
    public String toString() {
        return "TokenRequest[" + email + "]";
    }
}
