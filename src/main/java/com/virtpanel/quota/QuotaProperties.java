package com.virtpanel.quota;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.quota.*: how often limits are reconciled, and the burst and traffic policies.
 *
 * @param reconcileInterval how often every running server's limits are checked (and burst
 *                          credits and traffic accounted)
 */
@ConfigurationProperties("panel.quota")
record QuotaProperties(@DefaultValue("30s") Duration reconcileInterval, @DefaultValue Burst burst,
        @DefaultValue Traffic traffic) {

    /**
     * Burst credits, in the spirit of burstable cloud instances. A credit is one vCPU busy for
     * one second. Below its baseline a server earns credits; above it, it spends them.
     *
     * @param maxAccrual       credits stop growing at what the baseline earns in this time (24 h: a day of savings)
     * @param initialFraction  a new server starts with this share of the maximum (0..10; above 1 these are
     *                         launch credits, kept until spent, so that booting does not eat into the savings)
     * @param resumeFraction   a throttled server gets its full cap back once its credits reach this share of the maximum
     * @param accrualFactor    multiplies the earning rate (1 = credits earned exactly by the unused baseline)
     */
    record Burst(@DefaultValue("24h") Duration maxAccrual, @DefaultValue("1.0") double initialFraction,
            @DefaultValue("0.2") double resumeFraction, @DefaultValue("1.0") double accrualFactor) {
    }

    /**
     * The monthly traffic period.
     *
     * @param resetDay day of the month (1..28) on which the allowance starts afresh
     * @param zone     time zone the period starts in (midnight there)
     */
    record Traffic(@DefaultValue("1") int resetDay, @DefaultValue("UTC") ZoneId zone) {
    }
}
