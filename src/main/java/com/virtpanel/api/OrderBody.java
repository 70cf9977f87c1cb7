package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of POST /api/v1/servers. At least one SSH key or a root password is required. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record OrderBody(
        @Schema(description = "hostname", example = "web-1", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "nano", requiredMode = Schema.RequiredMode.REQUIRED) String plan,
        @Schema(example = "demo", requiredMode = Schema.RequiredMode.REQUIRED) String image,
        @Schema(description = "OpenSSH public key lines, at most 20") List<String> sshKeys,
        @Schema(description = "optional root password (10 to 128 characters)", format = "password") String password,
        @Schema(description = "optional cloud-init user data: a \"#cloud-config\" document or a \"#!\" script, at most 32 KiB of UTF-8 text")
        String userData)
        implements ApiRequest {

    @Override
    public String toString() {
        return "OrderBody[" + name + ", " + plan + ", " + image + "]";
    }
}
