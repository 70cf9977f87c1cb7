package com.virtpanel.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back the login form's POST while its address or account has to wait: the password is
 * not even checked, and the login page says how long to wait. The client address is the
 * socket's peer; behind a reverse proxy set {@code server.forward-headers-strategy}.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    static final String WAIT_PARAMETER = "wait";

    private final RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (login.matches(request)) {
            long wait = throttle.signInWait(request.getRemoteAddr(), request.getParameter("username"));
            if (wait > 0) {
                response.sendRedirect(request.getContextPath() + "/login?" + WAIT_PARAMETER + "=" + wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
