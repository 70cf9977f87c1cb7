package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActorTest {

    final ImpersonationGrant visit = new ImpersonationGrant(2, "support@example.com", Role.SUPPORT, "ticket 1", false);

    @Test
    void staffMaySeeButNotChangeACustomersThingsOutsideAVisit() {
        Actor support = new Actor(2, "support@example.com", Role.SUPPORT, Optional.empty());
        assertThat(support.mayAccess(7)).isTrue();
        assertThat(support.mayChange(7)).isFalse();
    }

    @Test
    void insideAVisitStaffActAsTheCustomer() {
        Actor visiting = new Actor(7, "c@example.com", Role.CUSTOMER, Optional.of(visit));
        assertThat(visiting.mayChange(7)).isTrue();
        assertThat(visiting.mayChange(8)).isFalse();
    }

    @Test
    void thePanelsOwnJobsMayChangeAnything() {
        assertThat(Actor.SYSTEM.mayChange(7)).isTrue();
    }
}
