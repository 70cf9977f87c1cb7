package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses odd URLs (encoded slashes or percent signs, "..", control
 * characters) before any filter chain runs, with a bare 400. Under /api that 400 comes as a
 * problem; everywhere else the firewall's default answer is kept, so the UI is unaffected.
 */
@Configuration
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        RequestRejectedHandler fallback = new HttpStatusRequestRejectedHandler();
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> {
            String uri = request.getRequestURI();
            if (uri != null && (uri.startsWith("/api/") || uri.equals("/api"))) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "rejected-url", "Bad request",
                        UserMessage.of("error.api.rejected-url"), Map.of());
            } else {
                fallback.handle(request, response, rejected);
            }
        };
    }
}
