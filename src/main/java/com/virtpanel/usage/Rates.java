package com.virtpanel.usage;

/**
 * What a server used over one sampling interval, per second.
 *
 * @param cpuPercent          CPU time over wall time; 100 = one vCPU fully busy
 * @param diskReadBytesPerSec bytes read per second, all disks
 * @param diskWriteBytesPerSec bytes written per second, all disks
 * @param diskReadOpsPerSec   read operations per second (IOPS)
 * @param diskWriteOpsPerSec  write operations per second (IOPS)
 * @param netRxBitsPerSec     bits per second the server received
 * @param netTxBitsPerSec     bits per second the server sent
 */
public record Rates(double cpuPercent, double diskReadBytesPerSec, double diskWriteBytesPerSec, double diskReadOpsPerSec,
        double diskWriteOpsPerSec, double netRxBitsPerSec, double netTxBitsPerSec) {

    public double value(Measure measure) {
        return switch (measure) {
            case CPU -> cpuPercent;
            case DISK_READ -> diskReadBytesPerSec;
            case DISK_WRITE -> diskWriteBytesPerSec;
            case DISK_READ_OPS -> diskReadOpsPerSec;
            case DISK_WRITE_OPS -> diskWriteOpsPerSec;
            case NET_RX -> netRxBitsPerSec;
            case NET_TX -> netTxBitsPerSec;
        };
    }

    /** Values in {@link Measure} order, as they are stored. */
    double[] toArray() {
        var values = new double[Measure.values().length];
        for (Measure m : Measure.values()) {
            values[m.ordinal()] = value(m);
        }
        return values;
    }

    static Rates of(double[] v) {
        return new Rates(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
}
