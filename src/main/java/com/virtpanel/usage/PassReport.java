package com.virtpanel.usage;

/**
 * What one sampling pass did and cost.
 *
 * @param guests        guests the host reported running
 * @param servers       of those, guests that belong to a server of this panel
 * @param stored        rate points stored (servers minus gaps)
 * @param sampleNanos   time spent reading counters from the host
 * @param recordNanos   time spent on this module's work: matching, rates, batched writes, commit
 */
public record PassReport(int guests, int servers, int stored, long sampleNanos, long recordNanos) {
}
