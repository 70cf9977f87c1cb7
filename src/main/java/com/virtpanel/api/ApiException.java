package com.virtpanel.api;

import com.virtpanel.base.UserMessage;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An HTTP-level answer the services have no word for (wrong credentials, unknown route,
 * not implemented yet). Service errors stay {@link com.virtpanel.base.PanelException}s.
 */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final HttpHeaders headers;
    private final UserMessage detail;

    

    /** The problem's title is the bundles' {@code problem.title.<type>}, in the reader's language. */
    ApiException(HttpStatus status, String type, UserMessage detail, HttpHeaders headers) {
        super(detail.english());
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.headers = headers == null ? new HttpHeaders() : headers;
    }

    String detail(Locale locale) {
        return detail.in(locale);
    }

    static ApiException badCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"virtpanel\"");
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials",
                UserMessage.of("error.api.bad-credentials"), headers);
    }

    /** The password was right, but the account has two-factor authentication: send {@code otp} too. */
    static ApiException otpRequired() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "otp-required",
                UserMessage.of("error.api.otp-required"),
                bearerChallenge());
    }

    static ApiException badOtp() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials",
                UserMessage.of("error.api.bad-otp"), bearerChallenge());
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

    HttpHeaders headers() {
        return headers;
    }
}
