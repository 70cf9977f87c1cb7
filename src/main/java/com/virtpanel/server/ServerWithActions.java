package com.virtpanel.server;

/**
 * A server as the caller sees it and what they may do to it now, read in one transaction: a
 * server page asks both on every poll.
 */
public record ServerWithActions(ServerInfo info, AllowedActions actions) {
}
