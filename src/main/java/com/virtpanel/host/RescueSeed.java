package com.virtpanel.host;

import java.util.List;

/**
 * What a rescue boot needs to let the customer in: the server's own address and their keys, or
 * the SHA-512 crypt hash of a one-time root password (never the password itself).
 *
 * @param rootPasswordHash "$6$…", or null for keys only
 */
public record RescueSeed(String hostname, GuestNetwork network, List<String> sshKeys, String rootPasswordHash) {
}
