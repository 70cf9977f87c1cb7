-- Usage of servers: the counters between sampling passes, rates at three resolutions
-- (RRD-style: raw for a day, 5-minute for a month, hourly for 13 months) and the exact
-- monthly traffic. Time-series tables carry no foreign keys: they are written every few
-- seconds in batches, and servers are never hard-deleted anyway.

-- The last cumulative counters seen per server. Kept in the database, not in memory, so
-- the next pass (possibly on another panel instance) computes rates from them.
CREATE TABLE usage_counter (
    server_id           BIGINT PRIMARY KEY,
    boot_id             BIGINT NOT NULL,
    sampled_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    cpu_time_ns         BIGINT NOT NULL,
    disk_read_bytes     BIGINT NOT NULL,
    disk_write_bytes    BIGINT NOT NULL,
    disk_read_ops       BIGINT NOT NULL,
    disk_write_ops      BIGINT NOT NULL,
    net_rx_bytes        BIGINT NOT NULL,
    net_tx_bytes        BIGINT NOT NULL
);

-- One row per server and pass: rates over (ts - covered_s, ts]. Gaps are missing rows.
CREATE TABLE usage_raw (
    server_id           BIGINT NOT NULL,
    ts                  TIMESTAMP WITH TIME ZONE NOT NULL,
    covered_s           DOUBLE PRECISION NOT NULL,
    cpu_pct             DOUBLE PRECISION NOT NULL,
    disk_rd_bps         DOUBLE PRECISION NOT NULL,
    disk_wr_bps         DOUBLE PRECISION NOT NULL,
    disk_rd_iops        DOUBLE PRECISION NOT NULL,
    disk_wr_iops        DOUBLE PRECISION NOT NULL,
    net_rx_bps          DOUBLE PRECISION NOT NULL,
    net_tx_bps          DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_usage_raw PRIMARY KEY (server_id, ts)
);
-- pruning deletes by age across all servers
CREATE INDEX ix_usage_raw_ts ON usage_raw (ts);

-- Buckets starting at ts: time-weighted averages and maxima of the finer resolution.
CREATE TABLE usage_5min (
    server_id           BIGINT NOT NULL,
    ts                  TIMESTAMP WITH TIME ZONE NOT NULL,
    covered_s           DOUBLE PRECISION NOT NULL,
    cpu_pct_avg         DOUBLE PRECISION NOT NULL,
    cpu_pct_max         DOUBLE PRECISION NOT NULL,
    disk_rd_bps_avg     DOUBLE PRECISION NOT NULL,
    disk_rd_bps_max     DOUBLE PRECISION NOT NULL,
    disk_wr_bps_avg     DOUBLE PRECISION NOT NULL,
    disk_wr_bps_max     DOUBLE PRECISION NOT NULL,
    disk_rd_iops_avg    DOUBLE PRECISION NOT NULL,
    disk_rd_iops_max    DOUBLE PRECISION NOT NULL,
    disk_wr_iops_avg    DOUBLE PRECISION NOT NULL,
    disk_wr_iops_max    DOUBLE PRECISION NOT NULL,
    net_rx_bps_avg      DOUBLE PRECISION NOT NULL,
    net_rx_bps_max      DOUBLE PRECISION NOT NULL,
    net_tx_bps_avg      DOUBLE PRECISION NOT NULL,
    net_tx_bps_max      DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_usage_5min PRIMARY KEY (server_id, ts)
);
CREATE INDEX ix_usage_5min_ts ON usage_5min (ts);

CREATE TABLE usage_hourly (
    server_id           BIGINT NOT NULL,
    ts                  TIMESTAMP WITH TIME ZONE NOT NULL,
    covered_s           DOUBLE PRECISION NOT NULL,
    cpu_pct_avg         DOUBLE PRECISION NOT NULL,
    cpu_pct_max         DOUBLE PRECISION NOT NULL,
    disk_rd_bps_avg     DOUBLE PRECISION NOT NULL,
    disk_rd_bps_max     DOUBLE PRECISION NOT NULL,
    disk_wr_bps_avg     DOUBLE PRECISION NOT NULL,
    disk_wr_bps_max     DOUBLE PRECISION NOT NULL,
    disk_rd_iops_avg    DOUBLE PRECISION NOT NULL,
    disk_rd_iops_max    DOUBLE PRECISION NOT NULL,
    disk_wr_iops_avg    DOUBLE PRECISION NOT NULL,
    disk_wr_iops_max    DOUBLE PRECISION NOT NULL,
    net_rx_bps_avg      DOUBLE PRECISION NOT NULL,
    net_rx_bps_max      DOUBLE PRECISION NOT NULL,
    net_tx_bps_avg      DOUBLE PRECISION NOT NULL,
    net_tx_bps_max      DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_usage_hourly PRIMARY KEY (server_id, ts)
);
CREATE INDEX ix_usage_hourly_ts ON usage_hourly (ts);

-- How far each rollup has got: buckets before rolled_until are complete and stored.
CREATE TABLE usage_rollup_mark (
    resolution          VARCHAR(16) PRIMARY KEY,
    rolled_until        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Exact byte counts per server and calendar month (UTC, 'YYYY-MM'), from counter deltas,
-- never from rates: this is what the plan's traffic allowance is checked against.
CREATE TABLE usage_traffic (
    server_id           BIGINT NOT NULL,
    billing_month       VARCHAR(7) NOT NULL,
    rx_bytes            BIGINT NOT NULL,
    tx_bytes            BIGINT NOT NULL,
    CONSTRAINT pk_usage_traffic PRIMARY KEY (server_id, billing_month)
);
