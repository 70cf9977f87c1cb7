package com.virtpanel.fleet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.fleet.*: how hosts are chosen and when one counts as down.
 *
 * @param placement          spread (least loaded host first) or pack (most loaded host that fits)
 * @param heartbeatInterval  how often this panel reports its host's capacity
 * @param heartbeatTimeout   a host silent for longer is shown as down and gets no new servers
 * @param libvirtLostAfter   a host whose heartbeats report its libvirtd unreachable for this long is down (a
 *                           single failed call is not); below the heartbeat interval it means "two heartbeats in a row"
 */
@ConfigurationProperties("panel.fleet")
record FleetProperties(@DefaultValue("spread") PlacementPolicy.Mode placement,
                       @DefaultValue("30s") Duration heartbeatInterval,
                       @DefaultValue("2m") Duration heartbeatTimeout,
                       @DefaultValue("20s") Duration libvirtLostAfter) {
}
