package com.virtpanel.base.hosts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.host.name: the name this panel registers its host under. Empty: the machine's hostname.
 * Two panels driving the same host must use the same name, different hosts different names.
 * panel.host.scheduler-prefix: a host's Quartz scheduler is named this followed by the host's name;
 * every instance on one database must use the same. Only tests change it (Quartz keeps one data
 * source per scheduler name in the JVM, and a test JVM holds several panels on different databases).
 * panel.host.console-url: where the panel instances of other hosts reach this one (its HTTP port on
 * the management network, e.g. http://10.0.0.5:8080) to forward the console of a guest on this host.
 * Empty: this instance's own port on the loopback, which serves one machine.
 * panel.host.migration-uri: how other hosts' libvirtds reach this host's for a live migration
 * (qemu+tls://<management address>/system). Empty: panel.libvirt.uri when it names a remote
 * host, else none, and no server can be moved to this host.
 */
@ConfigurationProperties("panel.host")
record LocalHostProperties(@DefaultValue("") String name, @DefaultValue("host-") String schedulerPrefix,
        @DefaultValue("") String consoleUrl, @DefaultValue("") String migrationUri) {
}
