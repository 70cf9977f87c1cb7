package com.virtpanel.host;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.jna.virError;

/**
 * JNA bindings for the libvirt calls libvirt-java 0.5.2 lacks: bulk domain stats, the typed
 * parameter setters and getters for live limits, virDomainGetState, virDomainShutdownFlags
 * and the guest agent's filesystem freeze and thaw.
 * Failures come back as ordinary {@link LibvirtException}s, so {@link LibvirtConnection}
 * translates them like any other. Call only from inside a {@link LibvirtCall}: libvirt keeps
 * the last error per thread, and the connection must be the one that call was given.
 */
final class LibvirtNative {

    static final int AFFECT_CURRENT = 0;
    static final int AFFECT_LIVE = 1;
    static final int AFFECT_CONFIG = 2;

    /** virDomainStatsTypes. */
    static final int STATS_STATE = 1;
    static final int STATS_CPU_TOTAL = 2;
    static final int STATS_BALLOON = 4;
    static final int STATS_VCPU = 8;
    static final int STATS_INTERFACE = 16;
    static final int STATS_BLOCK = 32;
    /** Zero asks for every group the hypervisor supports. */
    static final int STATS_ALL = 0;

    /** virConnectGetAllDomainStatsFlags: only running (active) guests, and don't wait for a busy guest's job lock. */
    static final int STATS_ACTIVE = 1;
    static final int STATS_NOWAIT = 1 << 29;

    static final int SHUTDOWN_ACPI_POWER_BTN = 1;

    /** virTypedParameter is {char field[80]; int type; union of 8 bytes}: 96 bytes, the union at offset 88. */
    static final int FIELD_LENGTH = 80;
    static final int TYPE_OFFSET = 80;
    static final int VALUE_OFFSET = 88;
    static final int PARAM_SIZE = 96;

    static final int TYPE_INT = 1;
    static final int TYPE_UINT = 2;
    static final int TYPE_LLONG = 3;
    static final int TYPE_ULLONG = 4;
    static final int TYPE_DOUBLE = 5;
    static final int TYPE_BOOLEAN = 6;
    static final int TYPE_STRING = 7;

    /** The libvirt.so entry points we bind; pointers stay raw, we free what libvirt hands us. */
    interface Api extends Library {
        Pointer virDomainLookupByName(Pointer conn, String name);

        int virDomainFree(Pointer domain);

        String virDomainGetName(Pointer domain);

        int virDomainGetID(Pointer domain);

        int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

        int virDomainShutdownFlags(Pointer domain, int flags);

        int virDomainFSFreeze(Pointer domain, Pointer mountpoints, int nmountpoints, int flags);

        int virDomainFSThaw(Pointer domain, Pointer mountpoints, int nmountpoints, int flags);

        int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference records, int flags);

        void virDomainStatsRecordListFree(Pointer records);

        Pointer virDomainGetSchedulerType(Pointer domain, IntByReference nparams);

        int virDomainGetSchedulerParametersFlags(Pointer domain, Pointer params, IntByReference nparams, int flags);

        int virDomainSetSchedulerParametersFlags(Pointer domain, Pointer params, int nparams, int flags);

        int virDomainGetBlockIoTune(Pointer domain, String disk, Pointer params, IntByReference nparams, int flags);

        int virDomainSetBlockIoTune(Pointer domain, String disk, Pointer params, int nparams, int flags);

        int virDomainGetBlkioParameters(Pointer domain, Pointer params, IntByReference nparams, int flags);

        int virDomainSetBlkioParameters(Pointer domain, Pointer params, int nparams, int flags);

        int virDomainGetInterfaceParameters(Pointer domain, String device, Pointer params, IntByReference nparams, int flags);

        int virDomainSetInterfaceParameters(Pointer domain, String device, Pointer params, int nparams, int flags);

        int virDomainPinVcpuFlags(Pointer domain, int vcpu, byte[] cpumap, int maplen, int flags);

        int virDomainPinEmulator(Pointer domain, byte[] cpumap, int maplen, int flags);

        int virDomainSetMetadata(Pointer domain, int type, String metadata, String key, String uri, int flags);

        void virTypedParamsClear(Pointer params, int nparams);

        void virTypedParamsFree(Pointer params, int nparams);

        int virCopyLastError(virError to);

        void virResetError(virError error);

        void virResetLastError();

        void virSetErrorFunc(Pointer userData, ErrorSink handler);
    }

    /** libvirt's default error handler prints every error to stderr; we log them translated instead. */
    interface ErrorSink extends com.sun.jna.Callback {
        void invoke(Pointer userData, Pointer error);
    }

    private static final ErrorSink QUIET = (userData, error) -> { };

    static final Api API = Native.load("virt", Api.class);

    static {
        API.virSetErrorFunc(null, QUIET);
    }

    private static final Constructor<LibvirtException> EXCEPTION;

    static {
        try {
            // libvirt-java only builds its exception inside its own package; we build the same one.
            EXCEPTION = LibvirtException.class.getDeclaredConstructor(Error.class);
            EXCEPTION.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LibvirtNative() {
    }

    /** Loads the bindings (and silences libvirt's stderr printing) before the first connection. */
    static void init() {
        // the static initialiser does the work
    }

    /** One named value; {@code type} is one of the TYPE_ constants. */
    record Param(String field, int type, Object value) {

        static Param uint(String field, long value) {
            return new Param(field, TYPE_UINT, value);
        }

        static Param ullong(String field, long value) {
            return new Param(field, TYPE_ULLONG, value);
        }

        static Param llong(String field, long value) {
            return new Param(field, TYPE_LLONG, value);
        }
    }

    /** One guest's record from the bulk stats call: values keyed by libvirt's field names ("net.0.rx.bytes"). */
    record DomainStats(String name, int id, Map<String, Object> values) {

        long number(String field, long fallback) {
            return values.get(field) instanceof Number n ? n.longValue() : fallback;
        }

        String text(String field) {
            return values.get(field) instanceof String s ? s : null;
        }
    }

    /** virDomainGetState: the state (virDomainState) and its reason. */
    record State(int state, int reason) {

        DomainState toDomainState() {
            return switch (state) {
                case 1 -> DomainState.RUNNING;
                case 2 -> DomainState.BLOCKED;
                case 3 -> DomainState.PAUSED;
                case 4 -> DomainState.SHUTTING_DOWN;
                case 5 -> DomainState.SHUT_OFF;
                case 6 -> DomainState.CRASHED;
                case 7 -> DomainState.SUSPENDED;
                default -> DomainState.NO_STATE;
            };
        }
    }

    @FunctionalInterface
    interface OnDomain<T> {
        T apply(Pointer domain) throws LibvirtException;
    }

    /** Looks the guest up, runs {@code action} on its virDomainPtr and frees it. */
    static <T> T withDomain(NativeConnect connection, String name, OnDomain<T> action) throws LibvirtException {
        Pointer domain = API.virDomainLookupByName(connection.pointer(), name);
        if (domain == null) {
            throw lastError("virDomainLookupByName");
        }
        try {
            return action.apply(domain);
        } finally {
            API.virDomainFree(domain);
        }
    }

    static State state(NativeConnect connection, String name) throws LibvirtException {
        return withDomain(connection, name, d -> {
            var state = new IntByReference();
            var reason = new IntByReference();
            check(API.virDomainGetState(d, state, reason, 0), "virDomainGetState");
            return new State(state.getValue(), reason.getValue());
        });
    }

    /** Pins one vCPU of the guest to {@code cpus}. */
    static void pinVcpu(NativeConnect connection, String name, int vcpu, CpuSet cpus, int flags) throws LibvirtException {
        byte[] map = cpus.bitmap();
        withDomain(connection, name, d -> check(API.virDomainPinVcpuFlags(d, vcpu, map, map.length, flags), "virDomainPinVcpuFlags"));
    }

    /** Pins the guest's emulator threads (QEMU's own, not its vCPUs) to {@code cpus}. */
    static void pinEmulator(NativeConnect connection, String name, CpuSet cpus, int flags) throws LibvirtException {
        byte[] map = cpus.bitmap();
        withDomain(connection, name, d -> check(API.virDomainPinEmulator(d, map, map.length, flags), "virDomainPinEmulator"));
    }

    static void shutdown(NativeConnect connection, String name, int flags) throws LibvirtException {
        withDomain(connection, name, d -> check(API.virDomainShutdownFlags(d, flags), "virDomainShutdownFlags"));
    }

    /** Freezes every mounted filesystem of the guest through its agent; the number frozen. */
    static int freezeFilesystems(NativeConnect connection, String name) throws LibvirtException {
        return withDomain(connection, name, d -> {
            int count = API.virDomainFSFreeze(d, null, 0, 0);
            check(count, "virDomainFSFreeze");
            return count;
        });
    }

    /** Thaws what {@link #freezeFilesystems} froze; the number thawed. */
    static int thawFilesystems(NativeConnect connection, String name) throws LibvirtException {
        return withDomain(connection, name, d -> {
            int count = API.virDomainFSThaw(d, null, 0, 0);
            check(count, "virDomainFSThaw");
            return count;
        });
    }

    /**
     * virConnectGetAllDomainStats: the requested stats groups of every matching guest in one
     * round trip. The record list, its domain handles and parameters are freed before returning.
     */
    static List<DomainStats> allDomainStats(NativeConnect connection, int groups, int flags) throws LibvirtException {
        var records = new PointerByReference();
        int count = API.virConnectGetAllDomainStats(connection.pointer(), groups, records, flags);
        if (count < 0) {
            throw lastError("virConnectGetAllDomainStats");
        }
        Pointer list = records.getValue();
        if (list == null) {
            return List.of();
        }
        try {
            var result = new ArrayList<DomainStats>(count);
            for (int i = 0; i < count; i++) {
                // virDomainStatsRecord is {virDomainPtr dom; virTypedParameterPtr params; int nparams;}
                Pointer record = list.getPointer((long) i * Native.POINTER_SIZE);
                if (record == null) {
                    break;
                }
                Pointer domain = record.getPointer(0);
                Pointer params = record.getPointer(Native.POINTER_SIZE);
                int nparams = record.getInt(2L * Native.POINTER_SIZE);
                result.add(new DomainStats(API.virDomainGetName(domain), API.virDomainGetID(domain), read(params, nparams)));
            }
            return result;
        } finally {
            API.virDomainStatsRecordListFree(list);
        }
    }

    static Map<String, Object> schedulerParameters(NativeConnect connection, String name, int flags) throws LibvirtException {
        return withDomain(connection, name, d -> {
            var count = new IntByReference();
            Pointer type = API.virDomainGetSchedulerType(d, count);
            if (type == null) {
                throw lastError("virDomainGetSchedulerType");
            }
            Native.free(Pointer.nativeValue(type));
            return fetch(count.getValue(), (params, n) -> API.virDomainGetSchedulerParametersFlags(d, params, n, flags),
                    "virDomainGetSchedulerParametersFlags");
        });
    }

    static void setSchedulerParameters(NativeConnect connection, String name, List<Param> params, int flags) throws LibvirtException {
        withDomain(connection, name, d -> store(params,
                (memory, n) -> API.virDomainSetSchedulerParametersFlags(d, memory, n, flags), "virDomainSetSchedulerParametersFlags"));
    }

    static Map<String, Object> blockIoTune(NativeConnect connection, String name, String disk, int flags) throws LibvirtException {
        return withDomain(connection, name, d -> fetch(-1,
                (params, n) -> API.virDomainGetBlockIoTune(d, disk, params, n, flags), "virDomainGetBlockIoTune"));
    }

    static void setBlockIoTune(NativeConnect connection, String name, String disk, List<Param> params, int flags) throws LibvirtException {
        withDomain(connection, name, d -> store(params,
                (memory, n) -> API.virDomainSetBlockIoTune(d, disk, memory, n, flags), "virDomainSetBlockIoTune"));
    }

    static Map<String, Object> blkioParameters(NativeConnect connection, String name, int flags) throws LibvirtException {
        return withDomain(connection, name, d -> fetch(-1,
                (params, n) -> API.virDomainGetBlkioParameters(d, params, n, flags), "virDomainGetBlkioParameters"));
    }

    static void setBlkioParameters(NativeConnect connection, String name, List<Param> params, int flags) throws LibvirtException {
        withDomain(connection, name, d -> store(params,
                (memory, n) -> API.virDomainSetBlkioParameters(d, memory, n, flags), "virDomainSetBlkioParameters"));
    }

    /** {@code device} is the interface's MAC address (valid live and in the stored definition) or its target name. */
    static Map<String, Object> interfaceParameters(NativeConnect connection, String name, String device, int flags) throws LibvirtException {
        return withDomain(connection, name, d -> fetch(-1,
                (params, n) -> API.virDomainGetInterfaceParameters(d, device, params, n, flags), "virDomainGetInterfaceParameters"));
    }

    /** Replaces the guest's metadata element in namespace {@code uri} (VIR_DOMAIN_METADATA_ELEMENT). */
    static void setMetadataElement(NativeConnect connection, String name, String element, String key, String uri, int flags)
            throws LibvirtException {
        withDomain(connection, name, d -> check(API.virDomainSetMetadata(d, 2, element, key, uri, flags), "virDomainSetMetadata"));
    }

    static void setInterfaceParameters(NativeConnect connection, String name, String device, List<Param> params, int flags) throws LibvirtException {
        withDomain(connection, name, d -> store(params,
                (memory, n) -> API.virDomainSetInterfaceParameters(d, device, memory, n, flags), "virDomainSetInterfaceParameters"));
    }

    @FunctionalInterface
    private interface Getter {
        int call(Pointer params, IntByReference nparams);
    }

    @FunctionalInterface
    private interface Setter {
        int call(Pointer params, int nparams);
    }

    /**
     * The getters' protocol: with {@code *nparams == 0} they report how many parameters exist;
     * then we pass an array of that size. Strings inside it are libvirt's and are cleared.
     */
    private static Map<String, Object> fetch(int known, Getter getter, String function) throws LibvirtException {
        var count = new IntByReference(0);
        if (known < 0) {
            check(getter.call(null, count), function);
        } else {
            count.setValue(known);
        }
        int n = count.getValue();
        if (n == 0) {
            return Map.of();
        }
        var params = new Memory((long) n * PARAM_SIZE);
        params.clear();
        check(getter.call(params, count), function);
        try {
            return read(params, count.getValue());
        } finally {
            API.virTypedParamsClear(params, count.getValue());
        }
    }

    private static Void store(List<Param> params, Setter setter, String function) throws LibvirtException {
        if (params.isEmpty()) {
            return null;
        }
        Memory memory = write(params);
        check(setter.call(memory, params.size()), function);
        return null;
    }

    /** Lays parameters out as libvirt expects them. Strings are not supported: no setter we call takes one. */
    static Memory write(List<Param> params) {
        var memory = new Memory((long) params.size() * PARAM_SIZE);
        memory.clear();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            long at = (long) i * PARAM_SIZE;
            byte[] field = p.field().getBytes(StandardCharsets.US_ASCII);
            if (field.length >= FIELD_LENGTH) {
                throw new IllegalArgumentException("typed parameter name too long: " + p.field());
            }
            memory.write(at, field, 0, field.length);
            memory.setInt(at + TYPE_OFFSET, p.type());
            long value = at + VALUE_OFFSET;
            switch (p.type()) {
                case TYPE_INT, TYPE_UINT -> memory.setInt(value, (int) ((Number) p.value()).longValue());
                case TYPE_LLONG, TYPE_ULLONG -> memory.setLong(value, ((Number) p.value()).longValue());
                case TYPE_DOUBLE -> memory.setDouble(value, ((Number) p.value()).doubleValue());
                case TYPE_BOOLEAN -> memory.setByte(value, (byte) (Boolean.TRUE.equals(p.value()) ? 1 : 0));
                default -> throw new IllegalArgumentException("unsupported typed parameter type " + p.type());
            }
        }
        return memory;
    }

    /** Reads {@code n} parameters; unsigned values arrive as non-negative longs (ULLONG above 2^63 wraps, as in C). */
    static Map<String, Object> read(Pointer params, int n) {
        var values = new LinkedHashMap<String, Object>(Math.max(4, n * 2));
        if (params == null) {
            return values;
        }
        for (int i = 0; i < n; i++) {
            long at = (long) i * PARAM_SIZE;
            String field = params.getString(at, StandardCharsets.US_ASCII.name());
            long value = at + VALUE_OFFSET;
            Object v = switch (params.getInt(at + TYPE_OFFSET)) {
                case TYPE_INT -> (long) params.getInt(value);
                case TYPE_UINT -> params.getInt(value) & 0xffff_ffffL;
                case TYPE_LLONG, TYPE_ULLONG -> params.getLong(value);
                case TYPE_DOUBLE -> params.getDouble(value);
                case TYPE_BOOLEAN -> params.getByte(value) != 0;
                case TYPE_STRING -> {
                    Pointer s = params.getPointer(value);
                    yield s == null ? null : s.getString(0, StandardCharsets.UTF_8.name());
                }
                default -> null;
            };
            values.put(field, v);
        }
        return values;
    }

    private static Void check(int result, String function) throws LibvirtException {
        if (result < 0) {
            throw lastError(function);
        }
        return null;
    }

    /** libvirt's last error on this thread, as libvirt-java would have thrown it. */
    static LibvirtException lastError(String function) {
        var error = new virError();
        int copied = API.virCopyLastError(error);
        API.virResetLastError();
        if (copied <= 0 || error.code == 0) {
            var unknown = new virError();
            unknown.code = 1; // VIR_ERR_INTERNAL_ERROR
            unknown.level = 2;
            unknown.message = function + " failed without an error from libvirt";
            return exception(unknown);
        }
        LibvirtException exception = exception(error);
        API.virResetError(error); // frees the copied strings; the exception holds Java copies
        return exception;
    }

    /** Builds the exception libvirt-java throws for {@code error}; also used by tests to fake errors. */
    static LibvirtException exception(virError error) {
        try {
            return EXCEPTION.newInstance(new Error(error));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a LibvirtException", e);
        }
    }
}
