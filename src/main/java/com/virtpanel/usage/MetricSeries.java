package com.virtpanel.usage;

import java.util.List;

/**
 * One series, e.g. {@code cpu} in {@code percent}. Missing points are gaps (the server was
 * stopped, restarted, or not sampled): there are no made-up zeros.
 *
 * @param name   cpu, disk_read, disk_write, disk_read_ops, disk_write_ops, net_rx, net_tx
 * @param unit   percent (100 = one vCPU), bytes_per_second, ops_per_second, bits_per_second
 */
public record MetricSeries(String name, String unit, List<MetricPoint> points) {
}
