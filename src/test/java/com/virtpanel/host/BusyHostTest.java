package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.PanelException.Kind;
import com.virtpanel.base.UserMessage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BusyHostTest {

    static final HostException BUSY = new HostException(Kind.CONFLICT, UserMessage.of("error.host.already-exists-host"), "pool busy", null, true);
    static final HostException TIMED_OUT = HostException.unreachable("timed out", null);
    static final HostException REFUSED = new HostException(Kind.INVALID, UserMessage.of("error.host.already-exists-host"), "bad XML", null, false);

    @Test
    void aCallRefusedAsBusyIsMadeAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        BusyHost.retry("test", 3, attempt -> Duration.ZERO, () -> {
            if (calls.incrementAndGet() < 3) {
                throw BUSY;
            }
        });
        assertThat(calls).hasValue(3);
    }

    @Test
    void theLastRefusalIsThrownAfterTheAttemptsRunOut() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> BusyHost.retry("test", 3, attempt -> Duration.ZERO, () -> {
            calls.incrementAndGet();
            throw BUSY;
        })).isSameAs(BUSY);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aTimedOutCallOrAnyOtherFailureIsNotRepeated() {
        for (HostException failure : new HostException[] {TIMED_OUT, REFUSED}) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> BusyHost.retry("test", 3, attempt -> Duration.ZERO, () -> {
                calls.incrementAndGet();
                throw failure;
            })).isSameAs(failure);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void thePauseGrowsAsTheCallerSays() {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        BusyHost.retry("test", 4, attempt -> {
            asked.addAndGet(attempt);
            return Duration.ofMillis(1);
        }, () -> {
            if (calls.incrementAndGet() < 4) {
                throw BUSY;
            }
        });
        assertThat(asked).hasValue(1 + 2 + 3);
    }
}
