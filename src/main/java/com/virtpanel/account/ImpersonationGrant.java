package com.virtpanel.account;

import java.io.Serial;
import org.springframework.security.core.GrantedAuthority;

/**
 * Carried as an extra authority of a switched-user authentication: which staff member is
 * acting, why, and whether actions are allowed. The support module grants it.
 */
public record ImpersonationGrant(long staffAccountId, String staffEmail, Role staffRole, String reason,
        boolean readOnly) implements GrantedAuthority {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String AUTHORITY = "IMPERSONATION";

    @Override
    public String getAuthority() {
        return AUTHORITY;
    }
}
