package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * Our JNA bindings against libvirt itself: the typed parameter layout is checked with libvirt's
 * own virTypedParams helpers, and the calls run against the in-memory test:///default driver.
 */
class LibvirtNativeTest {

    /** libvirt's helpers for typed parameters, used only to check our layout from the C side. */
    interface TypedParams extends Library {
        TypedParams C = Native.load("virt", TypedParams.class);

        int virTypedParamsAddInt(PointerByReference params, IntByReference n, IntByReference max, String name, int value);

        int virTypedParamsAddUInt(PointerByReference params, IntByReference n, IntByReference max, String name, int value);

        int virTypedParamsAddLLong(PointerByReference params, IntByReference n, IntByReference max, String name, long value);

        int virTypedParamsAddULLong(PointerByReference params, IntByReference n, IntByReference max, String name, long value);

        int virTypedParamsAddDouble(PointerByReference params, IntByReference n, IntByReference max, String name, double value);

        int virTypedParamsAddBoolean(PointerByReference params, IntByReference n, IntByReference max, String name, int value);

        int virTypedParamsAddString(PointerByReference params, IntByReference n, IntByReference max, String name, String value);

        int virTypedParamsGetUInt(Pointer params, int n, String name, IntByReference value);

        int virTypedParamsGetULLong(Pointer params, int n, String name, LongByReference value);

        int virTypedParamsGetLLong(Pointer params, int n, String name, LongByReference value);

        int virTypedParamsGetDouble(Pointer params, int n, String name, DoubleByReference value);

        int virTypedParamsGetBoolean(Pointer params, int n, String name, IntByReference value);
    }

    NativeConnect test;

    @BeforeEach
    void open() throws LibvirtException {
        test = new NativeConnect("test:///default");
    }

    @AfterEach
    void close() throws LibvirtException {
        test.close();
    }

    @Test
    void parametersBuiltByLibvirtAreReadFieldByField() {
        var params = new PointerByReference();
        var n = new IntByReference();
        var max = new IntByReference();
        TypedParams.C.virTypedParamsAddInt(params, n, max, "an.int", -7);
        TypedParams.C.virTypedParamsAddUInt(params, n, max, "a.uint", 0xfffffffe);
        TypedParams.C.virTypedParamsAddLLong(params, n, max, "a.llong", -1234567890123L);
        TypedParams.C.virTypedParamsAddULLong(params, n, max, "net.0.rx.bytes", 98765432109876L);
        TypedParams.C.virTypedParamsAddDouble(params, n, max, "a.double", 2.5);
        TypedParams.C.virTypedParamsAddBoolean(params, n, max, "a.boolean", 1);
        TypedParams.C.virTypedParamsAddString(params, n, max, "net.0.name", "vnet7");
        try {
            Map<String, Object> read = LibvirtNative.read(params.getValue(), n.getValue());

            assertThat(read).containsExactly(
                    Map.entry("an.int", -7L),
                    Map.entry("a.uint", 0xfffffffeL),
                    Map.entry("a.llong", -1234567890123L),
                    Map.entry("net.0.rx.bytes", 98765432109876L),
                    Map.entry("a.double", 2.5),
                    Map.entry("a.boolean", true),
                    Map.entry("net.0.name", "vnet7"));
        } finally {
            LibvirtNative.API.virTypedParamsFree(params.getValue(), n.getValue());
        }
    }

    @Test
    void parametersWeWriteAreReadByLibvirt() {
        var written = LibvirtNative.write(List.of(
                LibvirtNative.Param.uint("inbound.average", 12500),
                LibvirtNative.Param.ullong("total_iops_sec", 200),
                LibvirtNative.Param.llong("vcpu_quota", -1),
                new LibvirtNative.Param("ratio", LibvirtNative.TYPE_DOUBLE, 0.75),
                new LibvirtNative.Param("flag", LibvirtNative.TYPE_BOOLEAN, true)));
        var uint = new IntByReference();
        var ullong = new LongByReference();
        var llong = new LongByReference();
        var dbl = new DoubleByReference();
        var bool = new IntByReference();

        assertThat(TypedParams.C.virTypedParamsGetUInt(written, 5, "inbound.average", uint)).isEqualTo(1);
        assertThat(TypedParams.C.virTypedParamsGetULLong(written, 5, "total_iops_sec", ullong)).isEqualTo(1);
        assertThat(TypedParams.C.virTypedParamsGetLLong(written, 5, "vcpu_quota", llong)).isEqualTo(1);
        assertThat(TypedParams.C.virTypedParamsGetDouble(written, 5, "ratio", dbl)).isEqualTo(1);
        assertThat(TypedParams.C.virTypedParamsGetBoolean(written, 5, "flag", bool)).isEqualTo(1);
        assertThat(uint.getValue()).isEqualTo(12500);
        assertThat(ullong.getValue()).isEqualTo(200);
        assertThat(llong.getValue()).isEqualTo(-1);
        assertThat(dbl.getValue()).isEqualTo(0.75);
        assertThat(bool.getValue()).isEqualTo(1);
    }

    @Test
    void aParameterNameMustFitLibvirtsEightyBytes() {
        assertThatThrownBy(() -> LibvirtNative.write(List.of(LibvirtNative.Param.uint("x".repeat(80), 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateOfARunningGuestIsRunning() throws LibvirtException {
        LibvirtNative.State state = LibvirtNative.state(test, "test");

        assertThat(state.toDomainState()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aGracefulShutdownStopsTheGuest() throws LibvirtException {
        LibvirtNative.shutdown(test, "test", 0); // the test driver knows no shutdown methods

        assertThat(LibvirtNative.state(test, "test").toDomainState()).isEqualTo(DomainState.SHUT_OFF);
    }

    @Test
    void aMissingGuestFailsWithLibvirtsNoDomainError() {
        assertThatThrownBy(() -> LibvirtNative.state(test, "no-such-guest"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.getError().getCode()).isEqualTo(ErrorNumber.VIR_ERR_NO_DOMAIN);
                    assertThat(e.getMessage()).containsIgnoringCase("domain not found");
                });
    }

    @Test
    void bulkStatsNameEveryRunningGuestWithItsIdAndState() throws LibvirtException {
        List<LibvirtNative.DomainStats> stats = LibvirtNative.allDomainStats(test, LibvirtNative.STATS_STATE,
                LibvirtNative.STATS_ACTIVE);

        assertThat(stats).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("test");
            assertThat(s.id()).isEqualTo(1);
            assertThat(s.number("state.state", -1)).isEqualTo(1);
        });
    }

    @Test
    void blockIoTuneIsSetAndReadBack() throws LibvirtException {
        LibvirtNative.setBlockIoTune(test, "test", "vda", List.of(
                LibvirtNative.Param.ullong("total_iops_sec", 250),
                LibvirtNative.Param.ullong("total_bytes_sec", 20_000_000),
                // the test driver, unlike QEMU's, wants the burst maxima set with the averages
                LibvirtNative.Param.ullong("total_iops_sec_max", 500),
                LibvirtNative.Param.ullong("total_bytes_sec_max", 40_000_000)), LibvirtNative.AFFECT_LIVE);

        Map<String, Object> tune = LibvirtNative.blockIoTune(test, "test", "vda", LibvirtNative.AFFECT_LIVE);

        assertThat(tune).containsEntry("total_iops_sec", 250L).containsEntry("total_bytes_sec", 20_000_000L)
                .containsKey("group_name");
    }

    @Test
    void interfaceBandwidthIsSetAndReadBackByMacAddress() throws LibvirtException {
        LibvirtNative.setInterfaceParameters(test, "test", "aa:bb:cc:dd:ee:ff", List.of(
                LibvirtNative.Param.uint("inbound.average", 12500),
                LibvirtNative.Param.uint("outbound.average", 6250)), LibvirtNative.AFFECT_LIVE);

        Map<String, Object> bandwidth = LibvirtNative.interfaceParameters(test, "test", "aa:bb:cc:dd:ee:ff", LibvirtNative.AFFECT_LIVE);

        assertThat(bandwidth).containsEntry("inbound.average", 12500L).containsEntry("outbound.average", 6250L);
    }

    @Test
    void blkioWeightIsSetAndReadBack() throws LibvirtException {
        LibvirtNative.setBlkioParameters(test, "test", List.of(LibvirtNative.Param.uint("weight", 300)), LibvirtNative.AFFECT_LIVE);

        assertThat(LibvirtNative.blkioParameters(test, "test", LibvirtNative.AFFECT_LIVE)).containsEntry("weight", 300L);
    }

    @Test
    void schedulerParametersReachLibvirtWithTheirTypes() throws LibvirtException {
        // the test driver's scheduler has one UINT "weight", takes no flags and always reports 50;
        // its type check proves the type field arrives (our getter runs against QEMU in GuestLimitsIT)
        LibvirtNative.setSchedulerParameters(test, "test", List.of(LibvirtNative.Param.uint("weight", 70)), LibvirtNative.AFFECT_CURRENT);

        assertThatThrownBy(() -> LibvirtNative.setSchedulerParameters(test, "test",
                List.of(LibvirtNative.Param.ullong("weight", 70)), LibvirtNative.AFFECT_CURRENT))
                .isInstanceOfSatisfying(LibvirtException.class, e -> assertThat(e.getMessage()).contains("weight"));
    }
}
