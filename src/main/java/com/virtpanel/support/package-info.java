/**
 * Support: staff acting as a customer (Spring Security's switch-user, with a reason, under a
 * banner) and the append-only audit log, written by listeners to the other modules' events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "catalog", "console", "quota", "network", "backup", "fleet"})
package com.virtpanel.support;
