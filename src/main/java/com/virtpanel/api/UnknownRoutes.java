package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Whatever under /api matches no endpoint lands here, not in the UI (which would answer with
 * an HTML page): 405 with Allow when the path exists for other methods, else 404.
 */
@RestController
@Hidden
class UnknownRoutes {

    private final RequestMappingHandlerMapping mappings;
    private volatile List<Route> routes;

    UnknownRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    private record Route(PathPattern pattern, Set<RequestMethod> methods) {
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        Set<String> allowed = routes().stream().filter(r -> r.pattern().matches(path))
                .flatMap(r -> r.methods().stream()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        if (!allowed.isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.ALLOW, String.join(", ", allowed));
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    UserMessage.of("error.api.method-not-allowed", String.join(", ", allowed)), headers);
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "no-such-endpoint",
                UserMessage.of("error.api.no-such-endpoint", ApiSecurityConfig.OPENAPI), null);
    }

    /** The API's own routes, read once from Spring MVC's mappings (they do not change at run time). */
    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = mappings.getHandlerMethods().entrySet().stream()
                    .filter(e -> e.getValue().getBeanType() != UnknownRoutes.class)
                    .map(e -> e.getKey())
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream()
                            .filter(p -> p.getPatternString().startsWith("/api/"))
                            .map(p -> new Route(p, methods(info))))
                    .toList();
            routes = known;
        }
        return known;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.values()) : methods;
    }
}
