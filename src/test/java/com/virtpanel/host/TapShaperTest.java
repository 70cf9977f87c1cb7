package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the panel's own network caps are written and read back, from tc's JSON as iproute2 6.1 prints it. */
class TapShaperTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIfbDeviceIsNamedAfterTheTapWithinTheKernelsFifteenCharacters() {
        assertThat(TapShaper.ifbFor("vnet12")).isEqualTo("vpivnet12");
        assertThat(TapShaper.ifbFor("a-very-long-tap-name")).startsWith("vpi").hasSizeLessThanOrEqualTo(15);
    }

    @Test
    void theTokenBucketRunsAtTheRateInBitsAndHoldsAtLeastOneOffloadedFrame() {
        assertThat(TapShaper.tbf(12_500)).containsExactly("tbf", "rate", "100000000bit", "burst", "125000", "latency", "100ms");
        assertThat(TapShaper.tbf(125)).containsSequence("burst", "65536");
    }

    @Test
    void theRateIsReadFromTheRootTokenBucket() throws Exception {
        var qdiscs = JSON.readTree("""
                [{"kind":"tbf","handle":"8258:","root":true,"refcnt":2,"options":{"rate":12500000,"burst":125000,"lat":100000}},
                 {"kind":"ingress","handle":"ffff:","parent":"ffff:fff1","options":{}}]""");

        assertThat(TapShaper.rootTbfKBps(qdiscs)).isEqualTo(12_500);
        assertThat(TapShaper.rootTbfKBps(JSON.readTree("[{\"kind\":\"pfifo_fast\",\"root\":true}]"))).isZero();
        assertThat(TapShaper.rootTbfKBps(JSON.readTree("[]"))).isZero();
    }

    @Test
    void aRedirectCountsOnlyWhenItGoesToTheTapsOwnIfbDevice() throws Exception {
        var filters = JSON.readTree("""
                [{"protocol":"all","pref":1,"kind":"u32","chain":0},
                 {"protocol":"all","pref":1,"kind":"u32","chain":0,"options":{"fh":"800::800","match":{"value":"0","mask":"0"},
                  "actions":[{"order":1,"kind":"mirred","mirred_action":"redirect","direction":"egress","to_dev":"vpivnet3"}]}}]""");

        assertThat(TapShaper.redirectsTo(filters, "vpivnet3")).isTrue();
        assertThat(TapShaper.redirectsTo(filters, "vpivnet4")).isFalse();
        assertThat(TapShaper.redirectsTo(JSON.readTree("[]"), "vpivnet3")).isFalse();
    }

    @Test
    void aDumpTheKernelMarksInterruptedIsReadAgainAndOneThatStaysInterruptedIsAnError(@TempDir Path dir) throws Exception {
        // iproute2's own words on stderr, then the (possibly inconsistent) dump: only the first time
        Path seen = dir.resolve("seen");
        String once = "if [ -e " + seen + " ]; then echo '[{\"kind\":\"tbf\",\"root\":true,\"options\":{\"rate\":125000}}]'; "
                + "else touch " + seen + "; echo 'Dump was interrupted and may be inconsistent.' >&2; echo '[]'; fi";

        assertThat(TapShaper.rootTbfKBps(TapShaper.json(List.of("sh", "-c", once)))).isEqualTo(125);
        assertThatThrownBy(() -> TapShaper.json(List.of("sh", "-c", "echo 'Dump was interrupted and may be inconsistent.' >&2; echo '[]'")))
                .isInstanceOf(IOException.class).hasMessageContaining("interrupted 5 times");
    }
}
