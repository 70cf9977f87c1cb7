/**
 * The hypervisor adapter: the only module that talks to libvirt (libvirt-java and our JNA
 * bindings). Every call runs under a timeout on a connection that is kept alive and
 * re-opened, and libvirt's errors leave this module translated into words for customers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "base")
package com.virtpanel.host;
