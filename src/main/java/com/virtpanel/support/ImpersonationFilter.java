package com.virtpanel.support;

import com.virtpanel.account.AccountEvents;
import com.virtpanel.account.ImpersonationGrant;
import com.virtpanel.account.PanelUser;
import com.virtpanel.account.Role;
import com.virtpanel.account.SecondFactorService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security's switch-user, with the rules of a hosting panel: only support staff and
 * admins, only into customer accounts, never nested, always with a reason; read-only visits for
 * anyone who asks, and by default for support staff. The switched authentication carries an {@link ImpersonationGrant}, which
 * is how every service (through CurrentUser) and the audit know both identities.
 *
 * <p>The grant is added after the switch rather than by a SwitchUserAuthorityChanger, because
 * the changer never sees the request and so cannot know the reason.
 */
final class ImpersonationFilter extends SwitchUserFilter {

    static final int MAX_REASON = 500;

    private final UserDetailsService users;
    private final ApplicationEventPublisher events;
    private final SecondFactorService secondFactors;
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    ImpersonationFilter(UserDetailsService users, ApplicationEventPublisher events, SecondFactorService secondFactors) {
        this.users = users;
        this.events = events;
        this.secondFactors = secondFactors;
        setUserDetailsService(users);
        setSwitchUserMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, Impersonation.SWITCH_PATH));
        setExitUserMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, Impersonation.EXIT_PATH));
        setUsernameParameter(Impersonation.USERNAME);
        // A suspended customer can still be looked at: support is often asked why. Their servers
        // stay stopped and the server service refuses actions for a suspended account anyway.
        setUserDetailsChecker(user -> { });
        setSuccessHandler(this::afterSwitch);
        setFailureHandler(this::afterRefusal);
    }

    @Override
    protected Authentication attemptSwitchUser(HttpServletRequest request) throws AuthenticationException {
        PanelUser staff = staffCaller();
        // panel.security.staff-2fa=required: the page is closed to them, and so is this endpoint.
        if (secondFactors.mustEnrol()) {
            throw new ImpersonationRefused(ImpersonationRefusal.SECOND_FACTOR_MISSING);
        }
        String reason = reason(request.getParameter(Impersonation.REASON));
        boolean readOnly = readOnly(staff, request.getParameter(Impersonation.READ_ONLY));
        PanelUser customer = customer(request.getParameter(Impersonation.USERNAME));

        Authentication switched = super.attemptSwitchUser(request);
        List<GrantedAuthority> authorities = new ArrayList<>(switched.getAuthorities());
        authorities.add(new ImpersonationGrant(staff.accountId(), staff.email(), staff.role(), reason, readOnly));
        // No credentials in the session: the switched token is never re-authenticated.
        var token = UsernamePasswordAuthenticationToken.authenticated(switched.getPrincipal(), null, authorities);
        token.setDetails(switched.getDetails());
        events.publishEvent(new AccountEvents.ImpersonationStarted(staff.accountId(), staff.email(), customer.accountId(),
                customer.email(), reason, readOnly));
        return token;
    }

    @Override
    protected Authentication attemptExitUser(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Authentication original = super.attemptExitUser(request);
        ended(current).ifPresent(events::publishEvent);
        return original;
    }

    /** The event that says this (switched) authentication's visit is over, if it is one. */
    static Optional<AccountEvents.ImpersonationEnded> ended(Authentication switched) {
        if (switched == null || !(switched.getPrincipal() instanceof PanelUser customer)) {
            return Optional.empty();
        }
        return switched.getAuthorities().stream().filter(ImpersonationGrant.class::isInstance)
                .map(ImpersonationGrant.class::cast).findFirst()
                .map(g -> new AccountEvents.ImpersonationEnded(g.staffAccountId(), g.staffEmail(), customer.accountId(),
                        customer.email()));
    }

    private static PanelUser staffCaller() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getAuthorities().stream()
                .anyMatch(a -> a instanceof SwitchUserGrantedAuthority || a instanceof ImpersonationGrant)) {
            throw new ImpersonationRefused(ImpersonationRefusal.ALREADY_ACTING);
        }
        if (current == null || !(current.getPrincipal() instanceof PanelUser staff) || !staff.role().isStaff()) {
            throw new ImpersonationRefused(ImpersonationRefusal.NOT_STAFF);
        }
        return staff;
    }

    private static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            throw new ImpersonationRefused(ImpersonationRefusal.REASON_MISSING);
        }
        if (reason.length() > MAX_REASON) {
            throw new ImpersonationRefused(ImpersonationRefusal.REASON_TOO_LONG);
        }
        return reason;
    }

    private PanelUser customer(String email) {
        if (email == null || email.isBlank()) {
            throw new ImpersonationRefused(ImpersonationRefusal.UNKNOWN_ACCOUNT);
        }
        UserDetails target;
        try {
            target = users.loadUserByUsername(email.trim());
        } catch (UsernameNotFoundException e) {
            throw new ImpersonationRefused(ImpersonationRefusal.UNKNOWN_ACCOUNT);
        }
        if (!(target instanceof PanelUser customer) || customer.role() != Role.CUSTOMER) {
            throw new ImpersonationRefused(ImpersonationRefusal.NOT_A_CUSTOMER);
        }
        return customer;
    }

    /** Anyone may ask for a read-only visit; support gets one unless they ask otherwise. */
    static boolean readOnly(PanelUser staff, String asked) {
        return asked == null || asked.isBlank() ? staff.role() == Role.SUPPORT : isTrue(asked);
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    private void afterSwitch(HttpServletRequest request, HttpServletResponse response, Authentication now)
            throws IOException {
        boolean acting = now.getAuthorities().stream().anyMatch(ImpersonationGrant.class::isInstance);
        redirect.sendRedirect(request, response, acting ? Impersonation.CUSTOMER_LANDING : "/" + Impersonation.STAFF_ROUTE);
    }

    private void afterRefusal(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        ImpersonationRefusal refusal = e instanceof ImpersonationRefused refused
                ? refused.refusal() : ImpersonationRefusal.UNKNOWN_ACCOUNT;
        redirect.sendRedirect(request, response,
                "/" + Impersonation.STAFF_ROUTE + "?" + Impersonation.REFUSED_PARAMETER + "=" + refusal.code());
    }
}
