package com.virtpanel.host;

import java.util.List;

/**
 * What a new or reinstalled guest learns at first boot (cloud-init NoCloud).
 *
 * @param instanceId    changes on every reinstall, so cloud-init runs its per-instance steps again
 * @param hostname      the customer's chosen hostname
 * @param sshKeys       OpenSSH public key lines for root
 * @param passwordHash  a crypt(3) SHA-512 hash for root, or null for key-only access
 * @param network       static address settings
 * @param runcmd        commands run once per instance (used by images and by tests)
 * @param customerData  the customer's own user data (a "#cloud-config" or a "#!" script), or null
 */
public record CloudInitSeed(String instanceId, String hostname, List<String> sshKeys, String passwordHash,
        GuestNetwork network, List<String> runcmd, String customerData) {

    /** Boundary of the multipart user data; the customer's text cannot contain it (it is checked). */
    public static final String BOUNDARY = "virtpanel-user-data-boundary";

    public CloudInitSeed {
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
        runcmd = runcmd == null ? List.of() : List.copyOf(runcmd);
        if (customerData != null && customerData.contains(BOUNDARY)) {
            throw new IllegalArgumentException("user data contains the multipart boundary");
        }
    }

    public CloudInitSeed(String instanceId, String hostname, List<String> sshKeys, String passwordHash,
            GuestNetwork network, List<String> runcmd) {
        this(instanceId, hostname, sshKeys, passwordHash, network, runcmd, null);
    }

    String metaData() {
        return "instance-id: " + instanceId + "\nlocal-hostname: " + hostname + "\n";
    }

    /**
     * The panel's cloud-config alone, or, when the customer gave user data, a MIME multipart
     * message (cloud-init's format for several parts): the panel's part first, then the
     * customer's, which cloud-init merges or runs after it.
     */
    String userData() {
        if (customerData == null) {
            return panelConfig();
        }
        String customerType = customerData.startsWith("#!") ? "text/x-shellscript" : "text/cloud-config";
        return "Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\nMIME-Version: 1.0\n\n"
                + part("text/cloud-config", "panel.cfg", panelConfig())
                + part(customerType, "customer", customerData)
                + "--" + BOUNDARY + "--\n";
    }

    private static String part(String type, String name, String body) {
        return "--" + BOUNDARY + "\nContent-Type: " + type + "; charset=\"utf-8\"\nMIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: 8bit\nContent-Disposition: attachment; filename=\"" + name + "\"\n\n"
                + body + (body.endsWith("\n") ? "" : "\n");
    }

    private String panelConfig() {
        var y = new StringBuilder("#cloud-config\n");
        y.append("hostname: ").append(hostname).append('\n');
        y.append("fqdn: ").append(hostname).append('\n');
        y.append("preserve_hostname: false\n");
        y.append("disable_root: false\n");
        y.append("ssh_pwauth: ").append(passwordHash != null).append('\n');
        if (!sshKeys.isEmpty()) {
            y.append("ssh_authorized_keys:\n");
            sshKeys.forEach(k -> y.append("  - ").append(quote(k)).append('\n'));
        }
        if (passwordHash != null) {
            y.append("chpasswd:\n  expire: false\n  users:\n");
            y.append("    - name: root\n      password: ").append(passwordHash).append("\n      type: hash\n");
        }
        if (!runcmd.isEmpty()) {
            y.append("runcmd:\n");
            runcmd.forEach(c -> y.append("  - ").append(quote(c)).append('\n'));
        }
        return y.toString();
    }

    String networkConfig() {
        if (network == null) {
            return null;
        }
        var y = new StringBuilder("version: 2\nethernets:\n  eth0:\n");
        y.append("    match:\n      macaddress: \"").append(network.mac()).append("\"\n");
        y.append("    set-name: eth0\n");
        y.append("    addresses:\n      - ").append(network.addressCidr()).append('\n');
        if (network.ipv6Cidr() != null) {
            y.append("      - \"").append(network.ipv6Cidr()).append("\"\n");
        }
        // 0.0.0.0/0, not netplan's "default": Debian 12's cloud-init (22.4) rejects "default" and
        // then configures no network at all
        y.append("    routes:\n      - to: 0.0.0.0/0\n        via: ").append(network.gateway()).append('\n');
        if (network.ipv6Cidr() != null) {
            // the gateway is the host on the link /64, outside the guest's own /64: on-link. No
            // router advertisements: they would add a second, unfiltered address from the link /64.
            y.append("      - to: \"::/0\"\n        via: \"").append(network.gateway6()).append("\"\n");
            y.append("        on-link: true\n");
            y.append("    accept-ra: false\n");
        }
        y.append("    nameservers:\n      addresses:\n");
        network.dns().forEach(d -> y.append("        - ").append(d).append('\n'));
        return y.toString();
    }

    /** Leaves out the password hash and the customer's user data, which may hold secrets of theirs. */
    @Override
    public String toString() {
        return "CloudInitSeed[" + instanceId + ", " + hostname + ", " + sshKeys.size() + " keys, password "
                + (passwordHash == null ? "no" : "yes") + ", user data " + (customerData == null ? "no" : "yes") + "]";
    }

    /** YAML double-quoted scalar, so shell syntax in a command survives the YAML parser. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
