package com.virtpanel.network;

import java.util.List;

/** A firewall as its owner sees it: its rules and the servers it is attached to. */
public record FirewallInfo(long id, String name, List<FirewallRule> rules, List<Attached> servers) {

    /** @param status "applied" once the host enforces the firewall's current rules on the server, else "pending" */
    public record Attached(long serverId, String serverName, String status) {
    }
}
