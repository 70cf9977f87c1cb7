package com.virtpanel.server;

/**
 * What inspection found in an image file, in the words the catalog stores
 * ({@code CatalogService.registerImage(draft, osName, osVersion, arch)}).
 *
 * @param osName     "Debian", "Ubuntu", or the system's own name for itself
 * @param osVersion  "12", "22.04", or "" when the system does not say
 * @param arch       "x86_64", "aarch64", …
 */
public record DetectedOs(String osName, String osVersion, String arch) {

    /** "Debian 12 (x86_64)". */
    public String label() {
        return osName + (osVersion.isBlank() ? "" : " " + osVersion) + (arch.isBlank() ? "" : " (" + arch + ")");
    }
}
