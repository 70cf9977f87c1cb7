/**
 * Usage of servers: a sampling job turns the host's cumulative counters into rates (CPU,
 * disk, network), stores them RRD-style with rollups and retention, and shows them as graphs
 * on the server page. It is the only reader of the guests' counters: the quota module books
 * traffic and burst credits from its announcements. Services here authorise
 * through {@code ServerService}; other modules react to {@link com.virtpanel.usage.UsageEvents}.
 * <p>
 * Uses {@code catalog} for the plan's limits (cap lines on the graphs, traffic allowance).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "server", "server :: page-sections", "host", "catalog"})
package com.virtpanel.usage;
