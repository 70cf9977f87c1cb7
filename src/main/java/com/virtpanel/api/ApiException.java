package com.virtpanel.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An HTTP-level answer the services have no word for (wrong credentials, unknown route,
 * not implemented yet). Service errors stay {@link com.virtpanel.base.PanelException}s.
 */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final HttpHeaders headers;

    ApiException(HttpStatus status, String type, String title, String detail, HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.headers = headers == null ? new HttpHeaders() : headers;
    }

    static ApiException badCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"virtpanel\"");
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
                "The email or the password is wrong.", headers);
    }

    /** The password was right, but the account has two-factor authentication: send {@code otp} too. */
    static ApiException otpRequired() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "otp-required", "Second factor required",
                "This account has two-factor authentication: send the 6-digit code from your app (or a recovery code) as \"otp\".",
                bearerChallenge());
    }

    static ApiException badOtp() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Unauthorized",
                "The code is wrong or was used already.", bearerChallenge());
    }

    private static HttpHeaders bearerChallenge() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"virtpanel\"");
        return headers;
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    HttpHeaders headers() {
        return headers;
    }
}
