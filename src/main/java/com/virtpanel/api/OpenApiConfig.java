package com.virtpanel.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The header of the OpenAPI description springdoc serves at /api/v1/openapi.json. */
@Configuration
@OpenAPIDefinition(
        info = @Info(title = "Virtpanel API", version = "v1", description = """
                Order, power, reinstall and delete virtual servers. Authenticate with \
                "Authorization: Bearer <token>": a one-hour token from POST /api/v1/auth/token, or a personal \
                access token from your account page. Errors are application/problem+json with a human-readable \
                detail; invalid input names the field. Status codes: 400 invalid input, 401 no or bad token, \
                403 forbidden, 404 not found (also someone else's server), 409 conflict or host full \
                (type urn:virtpanel:problem:host-full), 413 body over 64 KiB, 429 rate limited (Retry-After), \
                502 host failed, 503 host unavailable (Retry-After)."""),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {
}
