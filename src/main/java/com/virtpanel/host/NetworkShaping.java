package com.virtpanel.host;

/** Who caps a guest's network on this host, decided once from what the kernel has ({@link KernelFeatures}). */
enum NetworkShaping {

    /** libvirt, from the interface's {@code <bandwidth>} (htb, sfq and the police action). */
    LIBVIRT,
    /** The panel, with tc on the guest's tap ({@link TapShaper}); the rate is kept in the domain's metadata. */
    TAP,
    /** Nobody: the kernel has neither set of parts. */
    NONE;

    private static volatile NetworkShaping detected;

    static NetworkShaping detect() {
        NetworkShaping known = detected;
        if (known == null) {
            // /proc/kallsyms is long: read it once, not on every page that shows limits
            known = KernelFeatures.libvirtBandwidth() ? LIBVIRT : KernelFeatures.tapShaping() ? TAP : NONE;
            detected = known;
        }
        return known;
    }
}
