package com.virtpanel.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import com.virtpanel.base.Messages;
import com.virtpanel.base.UserMessage;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem documents, the one error shape of the API: from controllers (through
 * {@link ApiExceptionHandler}) and from the security filters, which run before Spring MVC.
 * Problem types are URNs named after the slug, e.g. {@code urn:virtpanel:problem:host-full}.
 */
@Component
class Problems {

    static final String TYPE_PREFIX = "urn:virtpanel:problem:";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The problem; {@code title} is the English one, replaced by the bundle's {@code problem.title.<type>}
     * in the language of the current request when there is one.
     */
        static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail, String instance) {
        return problem(status, type, title, detail, instance, currentLocale());
    }

    private static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail, String instance,
            Locale language) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(Messages.has("problem.title." + type) ? Messages.get(language, "problem.title." + type) : title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    static ResponseEntity<ProblemDetail> entity(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

        /**
     * Writes a problem straight to the servlet response, for filters: in the language of the
     * request's Accept-Language (the filters may run before Spring has bound the request).
     */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String type, String title,
            UserMessage detail, Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Locale language = locale(request);
        json.writeValue(response.getOutputStream(), problem(status, type, title, detail.in(language), safePath(request), language));
    }

    /** The language of the request's Accept-Language among those the panel speaks (English otherwise). */
    /**
     * The language of the request being answered (Accept-Language), for texts inside a body
     * (why a server or an ISO failed), as {@link #locale} is for problems; English outside a request.
     */
    static Locale readerLanguage() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request
                ? locale(request.getRequest()) : Messages.ENGLISH;
    }

    static Locale locale(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Messages.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Messages.LANGUAGES);
            return best == null ? Messages.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Messages.ENGLISH;
        }
    }

    private static Locale currentLocale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? locale(attributes.getRequest()) : Messages.ENGLISH;
    }

    /** The request path as the problem's instance, or none if it is not a clean URI. */
    static String safePath(HttpServletRequest request) {
        String path = request.getRequestURI();
        try {
            return path == null || path.length() > 500 ? null : URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
