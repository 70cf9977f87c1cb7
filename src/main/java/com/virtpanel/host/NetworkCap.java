package com.virtpanel.host;

/**
 * Where the panel shapes a guest's tap itself ({@link NetworkShaping#TAP}), the rate it should
 * be capped at lives in the domain's metadata: a tap exists only while the guest runs, and a
 * guest started by anyone (the panel, virsh, a host reboot) gets its cap back from there.
 */
final class NetworkCap {

    static final String NAMESPACE = "https://virtpanel.org/xmlns/network-cap/1";
    static final String PREFIX = "vpnet";
    static final String ELEMENT = "cap";

    private NetworkCap() {
    }

    /**
     * The metadata element for {@code kBps}: with its namespace declared for domain XML, without
     * for virDomainSetMetadata, which puts the element in the namespace it is given.
     */
    static String metadata(long kBps, boolean declareNamespace) {
        String name = declareNamespace ? PREFIX + ":" + ELEMENT + " xmlns:" + PREFIX + "='" + NAMESPACE + "'" : ELEMENT;
        return "<" + name + " kbps='" + kBps + "'/>";
    }
}
