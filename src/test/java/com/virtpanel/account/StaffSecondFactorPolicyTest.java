package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.SecondFactorProperties.StaffPolicy;
import org.junit.jupiter.api.Test;

class StaffSecondFactorPolicyTest {

    private final SecondFactorProperties required = new SecondFactorProperties(StaffPolicy.REQUIRED);
    private final SecondFactorProperties optional = new SecondFactorProperties(StaffPolicy.OPTIONAL);

    @Test
    void requiredIsTheDefault() {
        assertThat(new SecondFactorProperties(null).staff2fa()).isEqualTo(StaffPolicy.REQUIRED);
    }

    @Test
    void staffWithoutASecondFactorMustEnrolWhenItIsRequired() {
        assertThat(required.mustEnrol(Role.SUPPORT, false)).isTrue();
        assertThat(required.mustEnrol(Role.ADMIN, false)).isTrue();
        assertThat(required.mustEnrol(Role.ADMIN, true)).isFalse();
    }

    @Test
    void customersAreNeverForcedAndOptionalForcesNobody() {
        assertThat(required.mustEnrol(Role.CUSTOMER, false)).isFalse();
        assertThat(optional.mustEnrol(Role.ADMIN, false)).isFalse();
        // whom the per-page check reads factors for: nobody else's are read
        assertThat(required.asksFactorOf(Role.CUSTOMER)).isFalse();
        assertThat(optional.asksFactorOf(Role.SUPPORT)).isFalse();
        assertThat(required.asksFactorOf(Role.SUPPORT)).isTrue();
    }
}
