package com.virtpanel.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a guest's CPU pinning from virsh's tables, of whichever host's virsh printed them. */
public final class CorePins {

    private static final Pattern VCPU0 = Pattern.compile("(?m)^\\s*0\\s+(\\S+)\\s*$");
    private static final Pattern EMULATOR = Pattern.compile("\\*:\\s*(\\S+)");

    private CorePins() {
    }

    /** The cpuset of vCPU 0 in {@code virsh vcpupin}'s table. */
    public static String vcpu0(String vcpupin) {
        return first(VCPU0, vcpupin);
    }

    /** The emulator threads' cpuset in {@code virsh emulatorpin}'s table. */
    public static String emulator(String emulatorpin) {
        return first(EMULATOR, emulatorpin);
    }

    private static String first(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new AssertionError("unexpected virsh output: " + output);
        }
        return m.group(1);
    }
}
