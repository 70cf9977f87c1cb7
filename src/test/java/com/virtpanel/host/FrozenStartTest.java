package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order around a backup job's start: freeze, begin, thaw; thawed always; no agent: crash-consistent. */
class FrozenStartTest {

    /** Records the steps; each can be told to fail. */
    static final class FakeGuest implements FrozenStart.Guest {
        final List<String> steps = new ArrayList<>();
        boolean agent = true;
        boolean beginFails;
        boolean thawFails;

        @Override
        public void freeze() {
            steps.add("freeze");
            if (!agent) {
                throw new IllegalStateException("QEMU guest agent is not configured");
            }
        }

        @Override
        public void begin() {
            steps.add("begin");
            if (beginFails) {
                throw new IllegalStateException("backup begin failed");
            }
        }

        @Override
        public void thaw() {
            steps.add("thaw");
            if (!agent || thawFails) {
                throw new IllegalStateException("thaw failed");
            }
        }
    }

    @Test
    void withAnAgentTheJobStartsBetweenFreezeAndThaw() {
        FakeGuest guest = new FakeGuest();

        assertThat(FrozenStart.begin(guest)).isTrue();
        assertThat(guest.steps).containsExactly("freeze", "begin", "thaw");
    }

    @Test
    void aFailedStartStillThawsAndReportsTheFailure() {
        FakeGuest guest = new FakeGuest();
        guest.beginFails = true;

        assertThatThrownBy(() -> FrozenStart.begin(guest)).hasMessage("backup begin failed");
        assertThat(guest.steps).containsExactly("freeze", "begin", "thaw");
    }

    @Test
    void withoutAnAgentTheJobStartsCrashConsistent() {
        FakeGuest guest = new FakeGuest();
        guest.agent = false;

        assertThat(FrozenStart.begin(guest)).isFalse();
        // the thaw after a failed freeze is only a safety net (a freeze that timed out may have frozen)
        assertThat(guest.steps).containsExactly("freeze", "thaw", "begin");
    }

    @Test
    void aFailingThawDoesNotFailTheStartedJob() {
        FakeGuest guest = new FakeGuest();
        guest.thawFails = true;

        assertThat(FrozenStart.begin(guest)).isTrue();
        assertThat(guest.steps).containsExactly("freeze", "begin", "thaw");
    }
}
