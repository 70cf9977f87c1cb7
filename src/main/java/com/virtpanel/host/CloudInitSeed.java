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
 */
public record CloudInitSeed(String instanceId, String hostname, List<String> sshKeys, String passwordHash,
        GuestNetwork network, List<String> runcmd) {

    public CloudInitSeed {
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
        runcmd = runcmd == null ? List.of() : List.copyOf(runcmd);
    }

    String metaData() {
        return "instance-id: " + instanceId + "\nlocal-hostname: " + hostname + "\n";
    }

    String userData() {
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
        // 0.0.0.0/0, not netplan's "default": Debian 12's cloud-init (22.4) rejects "default" and
        // then configures no network at all
        y.append("    routes:\n      - to: 0.0.0.0/0\n        via: ").append(network.gateway()).append('\n');
        y.append("    nameservers:\n      addresses:\n");
        network.dns().forEach(d -> y.append("        - ").append(d).append('\n'));
        return y.toString();
    }

    /** YAML double-quoted scalar, so shell syntax in a command survives the YAML parser. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
