package com.virtpanel.host;

/** Where a running guest's VNC server listens (always on the host's loopback). */
public record VncEndpoint(String host, int port) {
}
