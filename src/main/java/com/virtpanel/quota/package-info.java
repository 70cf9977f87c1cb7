/**
 * Keeps every server inside its plan: writes the plan's CPU, disk and network limits live,
 * reconciles them against what libvirt and the cgroup files really enforce (repairing and
 * logging any drift), accounts burst credits and monthly traffic, and throttles a server
 * whose credits or traffic allowance are used up.
 *
 * <p>Usage comes from the usage module's sampling passes ({@code usage.UsageEvents.Sampled}),
 * never from the host directly: one reader of the guests' counters. The traffic counted here,
 * per period (panel.quota.traffic.reset-day and zone), is the panel's one traffic ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections", "catalog", "host", "usage"})
package com.virtpanel.quota;
