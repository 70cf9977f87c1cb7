/**
 * The fleet: the hosts servers run on, as data. Each panel instance registers the host it drives
 * and beats its heart; placement chooses a host for each new order (the server module asks
 * through {@link com.virtpanel.server.HostPlacement}); staff put hosts into maintenance and back,
 * and move a running server to another host from its page (the server module runs the move; the
 * fleet says where a host takes migrations, {@link com.virtpanel.server.MigrationDestinations}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections",
        "catalog", "host"})
package com.virtpanel.fleet;
