package com.virtpanel.usage;

/**
 * One stored series: its name in the API, its unit, and its column in the usage tables.
 * CPU is in percent of one vCPU (a busy 2-vCPU server shows 200 %).
 */
public enum Measure {
    CPU("cpu", Unit.PERCENT, "cpu_pct"),
    DISK_READ("disk_read", Unit.BYTES_PER_SECOND, "disk_rd_bps"),
    DISK_WRITE("disk_write", Unit.BYTES_PER_SECOND, "disk_wr_bps"),
    DISK_READ_OPS("disk_read_ops", Unit.OPS_PER_SECOND, "disk_rd_iops"),
    DISK_WRITE_OPS("disk_write_ops", Unit.OPS_PER_SECOND, "disk_wr_iops"),
    NET_RX("net_rx", Unit.BITS_PER_SECOND, "net_rx_bps"),
    NET_TX("net_tx", Unit.BITS_PER_SECOND, "net_tx_bps");

    /** Units as the API names them. */
    public enum Unit {
        PERCENT("percent"), BYTES_PER_SECOND("bytes_per_second"), OPS_PER_SECOND("ops_per_second"),
        BITS_PER_SECOND("bits_per_second");

        private final String apiName;

        Unit(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    private final String apiName;
    private final Unit unit;
    private final String column;

    Measure(String apiName, Unit unit, String column) {
        this.apiName = apiName;
        this.unit = unit;
        this.column = column;
    }

    public String apiName() {
        return apiName;
    }

    public Unit unit() {
        return unit;
    }

    String column() {
        return column;
    }
}
