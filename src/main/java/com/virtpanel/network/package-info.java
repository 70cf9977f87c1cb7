/**
 * The network around a customer's servers: customer firewalls (accept rules the customer
 * manages, attached to their servers, enforced by the host and reconciled when they drift).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections", "host"})
package com.virtpanel.network;
