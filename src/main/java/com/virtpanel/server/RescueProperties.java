package com.virtpanel.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.rescue.*: how long rescue mode lasts.
 *
 * @param timeout       rescue mode ends by itself this long after the rescue system started
 * @param checkInterval how often the panel looks for rescue modes that are over (the rescue system
 *                      stopping is seen at once through libvirt's events; this catches the rest)
 */
@ConfigurationProperties("panel.rescue")
record RescueProperties(@DefaultValue("60m") Duration timeout, @DefaultValue("30s") Duration checkInterval) {
}
