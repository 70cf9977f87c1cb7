package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.throttle.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-up and login (the endpoints that need no token) per client IP, so passwords
 * cannot be guessed at speed and accounts not created in bulk. The client IP is the socket's
 * peer; behind a reverse proxy set {@code server.forward-headers-strategy} so it is the real one.
 */
class AuthRateLimitFilter extends OncePerRequestFilter {

    private final RequestMatcher endpoints;
    private final RateLimiter perIp;
    private final Problems problems;

    AuthRateLimitFilter(RequestMatcher endpoints, RateLimiter perIp, Problems problems) {
        this.endpoints = endpoints;
        this.perIp = perIp;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (endpoints.matches(request)) {
            long wait = perIp.acquire(ipKey(request));
            if (wait > 0) {
                tooMany(problems, request, response, wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String ipKey(HttpServletRequest request) {
        return "ip:" + request.getRemoteAddr();
    }

    static void tooMany(Problems problems, HttpServletRequest request, HttpServletResponse response, long waitSeconds)
            throws IOException {
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                UserMessage.of("error.api.too-many-requests", waitSeconds),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds)));
    }
}
