package com.virtpanel.api;

import com.virtpanel.account.EmailNotVerifiedException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.Messages;
import com.virtpanel.base.PanelException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the API's controllers as application/problem+json with a detail written for
 * people. Service errors keep their own message; status codes by kind:
 * NOT_FOUND 404, INVALID 400 (with {@code field}), CONFLICT 409, FORBIDDEN 403 (type {@code email-not-verified}
 * when an unconfirmed customer orders),
 * CAPACITY 409 with type {@code host-full} (the host has no room: a state of the host, which
 * may change, rather than a fault of the request), UNAVAILABLE 503 with Retry-After,
 * FAILED 502 "host failed" (the hypervisor refused; the panel itself is fine).
 * Titles and details are in the language of the request's {@code Accept-Language} (English or
 * Russian, English for anything else); types and status codes never change with it.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "30";

    @ExceptionHandler(PanelException.class)
    ResponseEntity<ProblemDetail> panel(PanelException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = switch (e.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e, request);
            case INVALID -> {
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e, request);
                if (e instanceof InvalidInputException invalid && invalid.field() != null) {
                    p.setProperty("field", invalid.field());
                }
                yield p;
            }
            case CONFLICT -> problem(HttpStatus.CONFLICT, "conflict", "Conflict", e, request);
            case FORBIDDEN -> e instanceof EmailNotVerifiedException
                    ? problem(HttpStatus.FORBIDDEN, "email-not-verified", "Email not verified", e, request)
                    : problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e, request);
            case CAPACITY -> problem(HttpStatus.CONFLICT, "host-full", "Host full", e, request);
            case UNAVAILABLE -> {
                headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                yield problem(HttpStatus.SERVICE_UNAVAILABLE, "host-unavailable", "Host unavailable", e, request);
            }
            case FAILED -> problem(HttpStatus.BAD_GATEWAY, "host-failed", "Host failed", e, request);
        };
        return Problems.entity(problem, headers);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return Problems.entity(Problems.problem(e.status(), e.type(), e.status().getReasonPhrase(), e.detail(Problems.locale(request)),
                Problems.safePath(request)),
                e.headers());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (JsonErrors.find(e, BodyLimitFilter.BodyTooLargeException.class) != null) {
            return Problems.entity(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Payload too large",
                    Messages.get(Problems.locale(request), "error.body-too-large"), Problems.safePath(request)), new HttpHeaders());
        }
        JsonErrors.Finding finding = JsonErrors.describe(e, Problems.locale(request));
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid body", finding.detail(),
                Problems.safePath(request));
        if (finding.field() != null) {
            problem.setProperty("field", finding.field());
        }
        return Problems.entity(problem, new HttpHeaders());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == long.class || e.getRequiredType() == Long.class
                ? "error.must-be-whole-number" : "error.must-be-other-type";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                Messages.get(Problems.locale(request), expected, e.getName()), Problems.safePath(request));
        problem.setProperty("field", e.getName());
        return Problems.entity(problem, new HttpHeaders());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                Messages.get(Problems.locale(request), "error.header-required", e.getHeaderName()), Problems.safePath(request));
        problem.setProperty("field", e.getHeaderName());
        return Problems.entity(problem, new HttpHeaders());
    }

    /** Two requests changed the same thing at once and this one lost; trying again is safe. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> raced(OptimisticLockingFailureException e, HttpServletRequest request) {
        log.info("API request {} {} lost a race with a concurrent change: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return Problems.entity(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                Messages.get(Problems.locale(request), "error.raced"), Problems.safePath(request)),
                new HttpHeaders());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.entity(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Messages.get(Problems.locale(request), "error.not-allowed"),
                Problems.safePath(request)), new HttpHeaders());
    }

    /** Spring MVC's own refusals (415, 405, 406, a missing parameter) keep their status; anything else is a bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().value() < 500) {
            HttpStatusCode status = spring.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            String title = known == null ? "Error" : known.getReasonPhrase();
                        String detail = springDetail(spring, title, Problems.locale(request));
            return Problems.entity(Problems.problem(status, slug(title), title, detail, Problems.safePath(request)),
                    spring.getHeaders());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("API request {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        return Problems.entity(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                Messages.get(Problems.locale(request), "error.unexpected", reference), Problems.safePath(request)),
                new HttpHeaders());
    }

        /**
     * Spring's own words ("Content-Type 'text/plain' is not supported.") name the exact header, so
     * English readers keep them; other languages get the bundle's sentence for the status.
     */
    private static String springDetail(ErrorResponse spring, String title, java.util.Locale language) {
        String key = "error.http." + spring.getStatusCode().value();
        if (!language.equals(Messages.ENGLISH) && Messages.has(key)) {
            return Messages.get(language, key);
        }
        return spring.getBody().getDetail() == null ? title + "." : spring.getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, PanelException e, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            log.warn("API request {} {}: {}", request.getMethod(), request.getRequestURI(), e.userMessage(), e);
        }
        return Problems.problem(status, type, title, e.userMessage(Problems.locale(request)), Problems.safePath(request));
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
