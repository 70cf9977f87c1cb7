package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.throttle.RateLimiter;
import com.virtpanel.account.ApiTokenService;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's own security chain, ahead of the UI's: stateless, bearer tokens only, no CSRF
 * (no cookies are read, so there is nothing to forge), and every refusal in problem+json.
 * Filter order: error guard, body size limit, sign-up/login rate limit, bearer token.
 */
@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfig {

    static final String ACCOUNTS = "/api/v1/accounts";
    static final String TOKEN = "/api/v1/auth/token";
    static final String PASSWORD_RESET = "/api/v1/password_reset";
    static final String PASSWORD_RESET_CONFIRM = "/api/v1/password_reset/confirm";
    static final String OPENAPI = "/api/v1/openapi.json";
    /** Scraped by Prometheus with an admin's token, like any API client: no session, no cookie. */
    static final String METRICS = "/actuator/prometheus";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, ApiProperties properties,
            Problems problems, Clock clock) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher open = new OrRequestMatcher(paths.matcher(HttpMethod.POST, ACCOUNTS), paths.matcher(HttpMethod.POST, TOKEN),
                paths.matcher(HttpMethod.POST, PASSWORD_RESET), paths.matcher(HttpMethod.POST, PASSWORD_RESET_CONFIRM));
        var limits = properties.rateLimit();
        var perIp = new RateLimiter(limits.authBurst(), limits.authPerMinute(), clock);
        var perToken = new RateLimiter(limits.tokenBurst(), limits.tokenPerMinute(), clock);

        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher(METRICS)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, OPENAPI), paths.matcher(HttpMethod.GET, OPENAPI + "/**")).permitAll()
                        .requestMatchers(paths.matcher(METRICS)).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                                UserMessage.of("error.api.unauthenticated", TOKEN),
                                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"virtpanel\"")))
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", UserMessage.of("error.not-allowed"), Map.of())))
                .addFilterBefore(new ErrorGuardFilter(problems), DisableEncodeUrlFilter.class)
                .addFilterBefore(new BodyLimitFilter(properties.maxBody().toBytes(), problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new AuthRateLimitFilter(open, perIp, problems), SecurityContextHolderFilter.class)
                .addFilterAt(new BearerTokenFilter(tokens, perToken, perIp, problems), BasicAuthenticationFilter.class);
        return http.build();
    }
}
