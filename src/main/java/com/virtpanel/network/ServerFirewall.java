package com.virtpanel.network;

/** A firewall attached to a server, for the server's page and JSON: "applied" or "pending". */
public record ServerFirewall(long id, String name, String status) {
}
