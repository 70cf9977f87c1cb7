/**
 * The browser console of a server: single-use tickets, the WebSocket-to-VNC relay, the live
 * console registry that closes sockets when access ends, and the full-window console view.
 * Uses account for the acting user (tickets are bound to a person and a session), and fleet for
 * where a guest on another host is reached (that host's instances, which relay to its VNC).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "host", "fleet"})
package com.virtpanel.console;
