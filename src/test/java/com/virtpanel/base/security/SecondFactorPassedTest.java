package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class SecondFactorPassedTest {

    private final UsernamePasswordAuthenticationToken passwordOnly = UsernamePasswordAuthenticationToken.authenticated(
            "staff@example.test", null, List.of(new SimpleGrantedAuthority("ROLE_SUPPORT")));

    @Test
    void aPasswordSignInCarriesNoMark() {
        assertThat(SecondFactorPassed.in(passwordOnly)).isFalse();
        assertThat(SecondFactorPassed.in(null)).isFalse();
    }

    @Test
    void markingKeepsThePrincipalAndRolesAndAddsTheMarkOnce() {
        var marked = SecondFactorPassed.mark(passwordOnly);
        assertThat(SecondFactorPassed.in(marked)).isTrue();
        assertThat(marked.getPrincipal()).isEqualTo("staff@example.test");
        assertThat(marked.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_SUPPORT", "FACTOR_SECOND");
        assertThat(SecondFactorPassed.mark(marked).getAuthorities()).hasSize(2);
        assertThat(SecondFactorPassed.in(passwordOnly)).isFalse();
    }
}
