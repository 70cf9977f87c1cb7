/**
 * Keeps every server inside its plan: writes the plan's CPU, disk and network limits live,
 * reconciles them against what libvirt and the cgroup files really enforce (repairing and
 * logging any drift), accounts burst credits and monthly traffic, and throttles a server
 * whose credits or traffic allowance are used up.
 *
 * <p>"usage" joins the allowed dependencies once that module exists (Modulith rejects a name
 * with no module behind it); until then the counters come from host.GuestStats.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "catalog", "host"})
package com.virtpanel.quota;
