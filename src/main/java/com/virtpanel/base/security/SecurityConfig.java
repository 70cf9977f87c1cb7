package com.virtpanel.base.security;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import com.virtpanel.base.ui.LoginView;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;

/**
 * Web security for the Vaadin UI. The REST API adds its own stateless filter chain for
 * /api/** (ordered before this one); the console WebSocket is authorised by its ticket,
 * which is bound to this session, so the handshake path is open here.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig extends VaadinWebSecurity {

    static final String REMEMBER_ME_KEY = "virtpanel-remember-me";

    private final UserDetailsService users;
    private final DataSource dataSource;
    private final SignInThrottle signInThrottle;
    private final Clock clock;
    private final PasskeyOrigins passkeyOrigins;
    private final PasskeyProperties passkeys;
    private final SignOutMarks signOutMarks;

    SecurityConfig(UserDetailsService users, DataSource dataSource, SignInThrottle signInThrottle, Clock clock,
            PasskeyOrigins passkeyOrigins, PasskeyProperties passkeys, SignOutMarks signOutMarks) {
        this.users = users;
        this.dataSource = dataSource;
        this.signInThrottle = signInThrottle;
        this.clock = clock;
        this.passkeyOrigins = passkeyOrigins;
        this.passkeys = passkeys;
        this.signOutMarks = signOutMarks;
    }

    /** Static: a bean post-processor must not pull this configuration in early. */
    @Bean
    static PasskeySignIn passkeySignIn(ObjectProvider<UserDetailsService> users, ObjectProvider<SignInCompletion> completion) {
        return new PasskeySignIn(users, completion);
    }

    /**
     * Vaadin's navigation access control, with a role check that does not scan the class path (see
     * the class). Primary: Vaadin's auto-configuration makes its own unconditionally, and its
     * security configuration and UI initializer take whichever is primary.
     */
    @Bean
    @Primary
    static NavigationAccessControl roleCheckingNavigationAccess(List<NavigationAccessChecker> checkers,
            NavigationAccessControlConfigurer configurer) {
        return configurer.build(RoleCheckingNavigationAccess::new, checkers);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the {id} prefix so stored hashes can move to a newer encoder later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RememberMeTokens rememberMeTokens() {
        var repository = new RememberMeTokens();
        repository.setDataSource(dataSource);
        return repository;
    }

    /**
     * Remember-me tokens live in the database: they survive restarts and can be revoked, unlike
     * hash-based cookies signed with a key. Opt-in ("Keep me signed in" on the login form) and for
     * customers only. A bean so that the code step can issue one too.
     */
    @Bean
    VisitAwareRememberMe rememberMeServices() {
        var rememberMe = new VisitAwareRememberMe(REMEMBER_ME_KEY, users, rememberMeTokens(), sessionRegistry());
        rememberMe.setTokenValiditySeconds((int) RememberMe.VALIDITY.toSeconds());
        rememberMe.setParameter(RememberMe.PARAMETER);
        rememberMe.setCookieName(RememberMe.COOKIE);
        return rememberMe;
    }

    /**
     * Who has which session, and where it began: a suspension, a password change and the account
     * page's session list end sessions through it.
     */
    @Bean
    TrackedSessionRegistry sessionRegistry() {
        return new TrackedSessionRegistry();
    }

    /**
     * SameSite=Lax on every cookie the panel sets (remember-me); the session cookie, which Jetty's
     * session handler writes past this, has it from {@code server.servlet.session.cookie} in
     * application.yml. The web server adds Secure on HTTPS requests.
     * Static: the web server factory asks for it before this configuration can be built.
     */
    @Bean
    static CookieSameSiteSupplier laxCookies() {
        return CookieSameSiteSupplier.ofLax();
    }

    private static AuthorizationDecision notDuringAVisit(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(signedIn && auth.getAuthorities().stream()
                .noneMatch(a -> SwitchUserFilter.ROLE_PREVIOUS_ADMINISTRATOR.equals(a.getAuthority())));
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // the console relays check their tickets themselves (ConsoleHandshake, RelayHandshake)
                .requestMatchers("/console/ws/**", "/console/relay/**").permitAll()
                // Public views are also listed here: Vaadin answers "is this route public?" only
                // once its servlet has served a request, so the first visitor after a restart
                // would otherwise be sent to the login page.
                .requestMatchers("/signup", SecondStepHandler.CODE_PATH).permitAll()
                // mailed links (password reset, email confirmation) are opened without signing in
                .requestMatchers("/forgot-password", "/reset-password", "/verify-email").permitAll()
                .requestMatchers("/images/**", "/icons/**").permitAll()
                // Passkeys are added by the person themselves: never during a support visit (the
                // agent would get a way into the customer's account). Removing goes through
                // PasskeyService, which checks the owner; Spring's own DELETE endpoint is closed.
                .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**").denyAll()
                .requestMatchers("/webauthn/register", "/webauthn/register/**").access(SecurityConfig::notDuringAVisit));
        http.webAuthn(webAuthn -> webAuthn.rpName("Virtpanel").rpId(passkeys.rpId())
                .allowedOrigins(passkeyOrigins.live()).disableDefaultRegistrationPage(true));
        http.rememberMe(r -> r.rememberMeServices(rememberMeServices()).key(REMEMBER_ME_KEY));
        http.addFilterBefore(new SignInThrottleFilter(signInThrottle), UsernamePasswordAuthenticationFilter.class);
        // Unlimited sessions per user, but registered: an expired one is signed out on its next request.
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry()).expiredUrl("/login"));
        // A password change on another panel instance reaches this instance's sessions through the database.
        http.addFilterBefore(new StaleSessionFilter(signOutMarks, sessionRegistry()), ConcurrentSessionFilter.class);
        http.headers(h -> h.frameOptions(f -> f.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurity.POLICY)));
        super.configure(http);
        setLoginView(http, LoginView.class, "/login?logout");
        // A right password for an account with a second factor ends here, not signed in: the
        // code step (/login/code) finishes the sign-in through SignInCompletion.
        http.formLogin(form -> form.failureHandler(new SecondStepHandler(clock)));
    }
}
