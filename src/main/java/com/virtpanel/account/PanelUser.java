package com.virtpanel.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal. Kept small and serializable: it lives in the HTTP session. */
public record PanelUser(long accountId, String email, String passwordHash, Role role, boolean active)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return active;
    }

    /** Never print the hash, not even in debug logs. */
    @Override
    public String toString() {
        return "PanelUser[" + accountId + ", " + email + ", " + role + "]";
    }
}
