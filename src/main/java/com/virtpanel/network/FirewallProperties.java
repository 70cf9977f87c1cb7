package com.virtpanel.network;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.firewall.*: the limits per account and how often the host's rules are checked.
 *
 * @param maxFirewalls      firewalls one account may have
 * @param maxRules          rules one firewall may have
 * @param maxPerServer      firewalls attached to one server
 * @param reconcileInterval how often the host's rules are compared with the panel's and repaired
 */
@ConfigurationProperties("panel.firewall")
public record FirewallProperties(@DefaultValue("10") int maxFirewalls, @DefaultValue("50") int maxRules,
        @DefaultValue("5") int maxPerServer, @DefaultValue("10s") Duration reconcileInterval) {
}
