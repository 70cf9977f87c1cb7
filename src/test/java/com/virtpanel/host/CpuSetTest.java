package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void readsSingleCoresRangesAndListsAndWritesThemFolded() {
        assertThat(CpuSet.parse("1").cpus()).containsExactly(1);
        assertThat(CpuSet.parse("1-3").cpus()).containsExactly(1, 2, 3);
        assertThat(CpuSet.parse(" 0, 2-3 ,5").cpus()).containsExactly(0, 2, 3, 5);
        assertThat(CpuSet.parse("5,0,2-3,3").toString()).isEqualTo("0,2-3,5");
        assertThat(CpuSet.of(List.of(4, 1, 2, 3)).toString()).isEqualTo("1-4");
    }

    @Test
    void emptyOrBlankIsNone() {
        assertThat(CpuSet.parse("")).isEqualTo(CpuSet.NONE);
        assertThat(CpuSet.parse(null).isEmpty()).isTrue();
        assertThat(CpuSet.parse("  ").toString()).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingThePart() {
        for (String bad : List.of("a", "1-", "-1", "3-1", "1,,2", "1.5", "99999", "1-5000", "0x1")) {
            assertThatThrownBy(() -> CpuSet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cpuset '" + bad + "'");
        }
    }

    @Test
    void theSharedCoresAreTheHostsOthersAndTheLowestFreeAreHandedOutFirst() {
        CpuSet reserved = CpuSet.parse("2-5");
        CpuSet held = CpuSet.parse("2,4");
        assertThat(CpuSet.firstCpus(8).minus(reserved).toString()).isEqualTo("0-1,6-7");
        assertThat(reserved.minus(held).lowest(1)).contains(CpuSet.parse("3"));
        assertThat(reserved.minus(held).lowest(2)).contains(CpuSet.parse("3,5"));
        assertThat(reserved.minus(held).lowest(3)).isEmpty();
    }

    @Test
    void theBitmapHasBitNOfByteNOver8ForCpuN() {
        assertThat(CpuSet.parse("1").bitmap()).containsExactly(0b10);
        assertThat(CpuSet.parse("0,9").bitmap()).containsExactly(0b1, 0b10);
    }

    @Test
    void aReservationMustNameTheHostsCoresAndLeaveOneShared() {
        assertThat(CpuSet.sharedCores(CpuSet.NONE, 2)).isNull();
        assertThat(CpuSet.sharedCores(CpuSet.parse("1"), 2)).isEqualTo(CpuSet.parse("0"));
        assertThatThrownBy(() -> CpuSet.sharedCores(CpuSet.parse("2"), 2)).hasMessageContaining("lacks");
        assertThatThrownBy(() -> CpuSet.sharedCores(CpuSet.parse("0-1"), 2)).hasMessageContaining("every core");
    }

    @Test
    void theLivePinsAreReadFromTheRunningDefinition() {
        String xml = "<domain><vcpu placement='static'>2</vcpu><cputune><shares>512</shares>"
                + "<vcpupin vcpu='1' cpuset='0'/><emulatorpin cpuset='0'/></cputune>"
                + "<vcpus><vcpu id='0' enabled='yes'/><vcpu id='1' enabled='yes'/></vcpus></domain>";
        GuestPinning.Live live = GuestPinning.Live.parse(xml);
        assertThat(live.vcpus()).isEqualTo(2);
        assertThat(live.vcpuPins()).containsExactly(null, "0");
        assertThat(live.emulatorPin()).isEqualTo("0");
    }
}
