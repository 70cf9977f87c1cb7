package com.virtpanel.account;

import com.virtpanel.base.security.SecondStepRequired;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The login form's password check (Spring's own), which stops short of signing in when the
 * account has a second factor: the right password then only opens the code step.
 */
@Component
class PasswordThenSecondFactor extends DaoAuthenticationProvider {

    private final SecondFactorService secondFactors;

    PasswordThenSecondFactor(PanelUserDetailsService users, PasswordEncoder encoder, SecondFactorService secondFactors) {
        super(users);
        setPasswordEncoder(encoder);
        this.secondFactors = secondFactors;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        if (user instanceof PanelUser panelUser && secondFactors.isEnabled(panelUser.accountId())) {
            throw new SecondStepRequired(panelUser.accountId(), panelUser.email());
        }
        return super.createSuccessAuthentication(principal, authentication, user);
    }
}
