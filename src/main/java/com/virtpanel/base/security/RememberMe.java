package com.virtpanel.base.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Names shared by the login form, the remember-me service and the account page. Remember-me is
 * opt-in: only a sign-in that sends {@link #PARAMETER} ("Keep me signed in") gets a cookie.
 */
public final class RememberMe {

    /** The login form's checkbox; Spring's remember-me services read the same name. */
    public static final String PARAMETER = "remember-me";
    public static final String COOKIE = "remember-me";
    /** How long a remembered login lasts after its last use. */
    public static final Duration VALIDITY = Duration.ofDays(14);

    private RememberMe() {
    }

    /**
     * The series of the request's remember-me cookie, if it has one. The cookie is
     * Base64("series:token") with each part URL-encoded, as Spring's services write it.
     */
    public static Optional<String> series(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .findFirst().flatMap(RememberMe::seriesOf);
    }

    static Optional<String> seriesOf(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 400) {
            return Optional.empty();
        }
        String padded = cookieValue + "=".repeat((4 - cookieValue.length() % 4) % 4);
        try {
            String decoded = new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8);
            String[] parts = decoded.split(":");
            return parts.length == 2 ? Optional.of(URLDecoder.decode(parts[0], StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException notACookieOfOurs) {
            return Optional.empty();
        }
    }
}
