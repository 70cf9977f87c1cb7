package com.virtpanel.api;

import com.virtpanel.account.PasswordResetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forgotten-password path for API clients, the same service as the UI's. The request is
 * answered 202 whatever happens behind it (an account or none, throttled or not), so it cannot
 * be used to find out which addresses have accounts.
 */
@RestController
@Tag(name = "Accounts", description = "Sign-up and short-lived tokens")
@SecurityRequirements
class PasswordResetController {

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @PostMapping(ApiSecurityConfig.PASSWORD_RESET)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail a single-use link (valid 30 minutes) to set a new password, if the address has an account")
    @ApiResponse(responseCode = "202", description = "always, whether or not the address has an account")
    @ApiResponse(responseCode = "400", description = "not an email address")
    void request(@RequestBody PasswordResetBodies.Request body, HttpServletRequest request) {
        resets.request(body.email(), request.getRemoteAddr());
    }

    @PostMapping(ApiSecurityConfig.PASSWORD_RESET_CONFIRM)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the token from the mailed link; ends every session and token of the account")
    @ApiResponse(responseCode = "204", description = "the password is set")
    @ApiResponse(responseCode = "400", description = "the token is invalid, used or expired (field token), or the password is "
            + "too weak (field password)")
    void confirm(@RequestBody PasswordResetBodies.Confirm body) {
        resets.confirm(body.token(), body.password());
    }
}
