package com.virtpanel.base.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * Finishes a passkey sign-in the panel's way. Spring's WebAuthn filter signs in with its own
 * principal (the WebAuthn user entity), keeps the session id and sets no remember-me cookie; here
 * the session id changes, and on success the sign-in is completed like any other (the panel's
 * own principal, registered session, remember-me, events). A suspended account is refused. The
 * WebAuthn configurer offers no hook for its filter, so the built filter chain is adjusted.
 */
class PasskeySignIn implements BeanPostProcessor, AuthenticationSuccessHandler {

    private final ObjectProvider<UserDetailsService> users;
    private final ObjectProvider<SignInCompletion> completion;
    private final ObjectMapper json = new ObjectMapper();

    PasskeySignIn(ObjectProvider<UserDetailsService> users, ObjectProvider<SignInCompletion> completion) {
        this.users = users;
        this.completion = completion;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DefaultSecurityFilterChain chain) {
            chain.getFilters().stream().filter(WebAuthnAuthenticationFilter.class::isInstance)
                    .map(WebAuthnAuthenticationFilter.class::cast).forEach(filter -> {
                        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                        filter.setAuthenticationSuccessHandler(this);
                    });
        }
        return bean;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication passkey)
            throws IOException {
        UserDetails user = users.getObject().loadUserByUsername(passkey.getName());
        if (!user.isAccountNonLocked() || !user.isEnabled()) {
            SecurityContextHolder.clearContext();
            new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String next = completion.getObject().complete(request, response, true, user);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("authenticated", true, "redirectUrl", next));
    }
}
