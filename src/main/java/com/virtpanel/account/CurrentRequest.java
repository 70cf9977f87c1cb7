package com.virtpanel.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The HTTP request being served (a Vaadin round trip or a plain request), for "this session". */
final class CurrentRequest {

    private CurrentRequest() {
    }

    static Optional<HttpServletRequest> get() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    /** The id of the current HTTP session; empty for background work and stateless API calls. */
    static Optional<String> sessionId() {
        return get().map(r -> r.getSession(false)).map(HttpSession::getId);
    }
}
