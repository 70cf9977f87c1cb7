package com.virtpanel.server;

/** A server as background jobs (sampling, enforcement, console) see it: no authorisation involved. */
public record ServerRef(long id, long accountId, String name, String domain, ServerStatus status, long planId) {
}
