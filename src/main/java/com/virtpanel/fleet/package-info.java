/**
 * The fleet: the hosts servers run on, as data. Each panel instance registers the host it drives
 * and beats its heart; placement chooses a host for each new order (the server module asks
 * through {@link com.virtpanel.server.HostPlacement}); staff put hosts into maintenance and back.
 * Still one libvirt connection per panel: a second hypervisor and migration come later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "catalog", "host"})
package com.virtpanel.fleet;
