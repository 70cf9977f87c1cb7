package com.virtpanel.support;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address of the browser behind the current request, when there is one (not for jobs). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    static boolean inRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes;
    }
}
