/**
 * The network around a customer's servers: customer firewalls (accept rules the customer
 * manages, attached to their servers, enforced by the host and reconciled when they drift) and
 * the address pools orders draw their IPv4 addresses and IPv6 /64s from (staff manage them).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections", "host"})
package com.virtpanel.network;
