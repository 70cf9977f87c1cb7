/**
 * A customer's virtual servers: ordering, the persisted provisioning / reinstall / delete
 * state machines, power actions, and the per-object authorisation every caller goes through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "catalog", "host"})
package com.virtpanel.server;
