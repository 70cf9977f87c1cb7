package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of the API chain: a failure no one else handled (a filter's database
 * call, say) still answers in problem+json, with a reference that is also in the log, rather
 * than falling through to the UI's error page.
 */
class ErrorGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ErrorGuardFilter.class);

    private final Problems problems;

    ErrorGuardFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("API request {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
            problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                    UserMessage.of("error.unexpected", reference), Map.of());
        }
    }
}
