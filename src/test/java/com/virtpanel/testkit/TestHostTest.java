package com.virtpanel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestHostTest {

    @Test
    void theFirstForkKeepsTheCheckoutsIdAndNetwork() {
        assertThat(TestHost.id("t2", 1)).isEqualTo("t2");
        assertThat(TestHost.cidr("10.127.0.0/24", 1)).isEqualTo("10.127.0.0/24");
    }

    @Test
    void laterForksTakeTheNextIdsAndTheNext24s() {
        assertThat(TestHost.id("t0", 2)).isEqualTo("t0f2");
        assertThat("vp-" + TestHost.id("t0", 2) + "-").doesNotStartWith("vp-t0-");
        assertThat(TestHost.cidr("10.124.0.0/24", 2)).isEqualTo("10.124.1.0/24");
        assertThat(TestHost.cidr("10.124.0.0/24", 3)).isEqualTo("10.124.2.0/24");
    }

    @Test
    void forksNeedA24ToSplit() {
        assertThatThrownBy(() -> TestHost.cidr("10.124.0.0/16", 2)).hasMessageContaining("/24");
    }
}
