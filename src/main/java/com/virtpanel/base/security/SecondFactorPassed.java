package com.virtpanel.base.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The mark of a sign-in that proved a second factor: a code after the password, a passkey, a
 * bearer token (only handed out after one), or an authenticator app set up in this very session.
 * Staff under {@code panel.security.staff-2fa=required} need it; a password alone does not give it.
 * An authority rather than a session attribute, so that it travels with the sign-in and goes
 * with it (sign-out, the end of a visit restoring the staff member's own sign-in).
 */
public final class SecondFactorPassed {

    public static final GrantedAuthority AUTHORITY = new SimpleGrantedAuthority("FACTOR_SECOND");

    private SecondFactorPassed() {
    }

    public static boolean in(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AUTHORITY.getAuthority().equals(a.getAuthority()));
    }

    /** The given authorities plus the mark. */
    public static List<GrantedAuthority> with(java.util.Collection<? extends GrantedAuthority> authorities) {
        List<GrantedAuthority> marked = new ArrayList<>(authorities);
        if (marked.stream().noneMatch(a -> AUTHORITY.getAuthority().equals(a.getAuthority()))) {
            marked.add(AUTHORITY);
        }
        return marked;
    }

    /** The same sign-in, marked. */
    public static Authentication mark(Authentication authentication) {
        if (in(authentication)) {
            return authentication;
        }
        var marked = UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null,
                with(authentication.getAuthorities()));
        marked.setDetails(authentication.getDetails());
        return marked;
    }
}
