package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RoleCheckingNavigationAccessTest {

    final RoleCheckingNavigationAccess access = new RoleCheckingNavigationAccess(List.of(), mock(AccessCheckDecisionResolver.class));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSignedInPersonsRolesAreRead() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("a@example.com", null,
                AuthorityUtils.createAuthorityList("ROLE_SUPPORT")));
        Predicate<String> roles = access.getRolesChecker(mock(VaadinRequest.class));
        assertThat(roles.test("SUPPORT")).isTrue();
        assertThat(roles.test("ROLE_SUPPORT")).isTrue();
        assertThat(roles.test("ADMIN")).isFalse();
        assertThat(roles.test(null)).isFalse();
    }

    @Test
    void anAnonymousVisitorHasNoRole() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN")));
        assertThat(access.getRolesChecker(mock(VaadinRequest.class)).test("ADMIN")).isFalse();
    }

    @Test
    void overPushTheRequestsPrincipalCounts() {
        VaadinRequest push = mock(VaadinRequest.class);
        when(push.getUserPrincipal()).thenReturn(UsernamePasswordAuthenticationToken.authenticated("b@example.com", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThat(access.getRolesChecker(push).test("ADMIN")).isTrue();
        assertThat(access.getRolesChecker(null).test("ADMIN")).isFalse();
    }
}
