package com.virtpanel.support;

import com.virtpanel.account.SecondFactorService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A filter chain of its own for the two switch-user endpoints, ahead of the Vaadin chain (which
 * matches everything else), so base's security configuration stays untouched. It reads the same
 * HTTP session (security context and CSRF token) as the Vaadin chain. Authorisation runs before
 * the switch: only SUPPORT and ADMIN may switch, only a switched session may exit.
 */
@Configuration
class ImpersonationSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain impersonationFilterChain(HttpSecurity http, UserDetailsService users,
            ApplicationEventPublisher events, SecondFactorService secondFactors) throws Exception {
        RequestMatcher switchUser = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, Impersonation.SWITCH_PATH);
        RequestMatcher exitUser = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, Impersonation.EXIT_PATH);
        var filter = new ImpersonationFilter(users, events, secondFactors);
        filter.afterPropertiesSet();
        http.securityMatcher(new OrRequestMatcher(switchUser, exitUser))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(switchUser).hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers(exitUser).hasAuthority(SwitchUserFilter.ROLE_PREVIOUS_ADMINISTRATOR)
                        .anyRequest().denyAll())
                .addFilterAfter(filter, AuthorizationFilter.class)
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Turns session ends (sign-out, time-out) into events, so that a visit ends with its session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
