package com.virtpanel.host;

import java.util.Locale;
import java.util.Map;

/**
 * What libguestfs found in an image.
 *
 * @param type         "linux", "windows", "freebsd", … (libguestfs' words)
 * @param distro       "debian", "ubuntu", "fedora", … or "unknown"
 * @param productName  the system's own name for itself ("Debian GNU/Linux 12 (bookworm)"), or "unknown"
 */
public record InspectedOs(String type, String distro, String productName, int majorVersion, int minorVersion,
        String arch) {

    private static final Map<String, String> DISTROS = Map.ofEntries(Map.entry("debian", "Debian"),
            Map.entry("ubuntu", "Ubuntu"), Map.entry("fedora", "Fedora"), Map.entry("centos", "CentOS"),
            Map.entry("rhel", "Red Hat Enterprise Linux"), Map.entry("rocky", "Rocky Linux"),
            Map.entry("almalinux", "AlmaLinux"), Map.entry("opensuse", "openSUSE"), Map.entry("sles", "SUSE Linux Enterprise"),
            Map.entry("archlinux", "Arch Linux"), Map.entry("alpinelinux", "Alpine Linux"), Map.entry("gentoo", "Gentoo"),
            Map.entry("oraclelinux", "Oracle Linux"), Map.entry("freebsd", "FreeBSD"), Map.entry("openbsd", "OpenBSD"),
            Map.entry("netbsd", "NetBSD"), Map.entry("windows", "Windows"));

    /** A short name for people: the distribution's name, else the system's own, else the OS type. */
    public String displayName() {
        String known = DISTROS.get(distro == null ? "" : distro.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (productName != null && !productName.isBlank() && !productName.equals("unknown")) {
            return productName;
        }
        return type == null || type.isBlank() || type.equals("unknown") ? "Unknown" : capitalise(type);
    }

    /** "12", "22.04", "9.3", or "" when the system does not say. */
    public String version() {
        if (majorVersion <= 0 && minorVersion <= 0) {
            return "";
        }
        if (minorVersion == 0 && !"ubuntu".equals(distro)) {
            return Integer.toString(majorVersion);
        }
        return "ubuntu".equals(distro) ? String.format(Locale.ROOT, "%d.%02d", majorVersion, minorVersion)
                : majorVersion + "." + minorVersion;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
