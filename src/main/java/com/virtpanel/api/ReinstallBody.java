package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of the reinstall action. Without {@code ssh_keys} (and {@code password}) the server
 * keeps the keys and password it had; given keys replace the old ones. Likewise its user data.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReinstallBody(
        @Schema(example = "demo", requiredMode = Schema.RequiredMode.REQUIRED) String image,
        @Schema(description = "OpenSSH public key lines replacing the server's keys") List<String> sshKeys,
        @Schema(description = "optional new root password", format = "password") String password,
        @Schema(description = "user data for the new system (\"#cloud-config\" or \"#!\", at most 32 KiB); "
                + "absent: the server's user data stays; empty: none") String userData)
        implements ApiRequest {

    @Override
    public String toString() {
        return "ReinstallBody[" + image + "]";
    }
}
