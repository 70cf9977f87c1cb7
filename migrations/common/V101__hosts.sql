-- Issue 17, first part: hosts as data. Each panel instance registers the host it drives by
-- panel.host.name and keeps its capacity and last_heartbeat fresh; placement picks a host for
-- every new server. A host whose heartbeat is older than panel.fleet.heartbeat-timeout is shown
-- as down (computed on read: state holds only what staff chose). dedicated_cores is 0 until
-- dedicated cores exist. server.host is null for rows older than this migration until the
-- panel's start assigns them to the local host.
CREATE TABLE hosts (
    name               VARCHAR(253) NOT NULL PRIMARY KEY,
    state              VARCHAR(16) NOT NULL,
    memory_mib         BIGINT NOT NULL,
    disk_gib           BIGINT NOT NULL,
    vcpus              INTEGER NOT NULL,
    cpu_overcommit     DOUBLE PRECISION NOT NULL,
    memory_overcommit  DOUBLE PRECISION NOT NULL,
    memory_reserve_mib BIGINT NOT NULL,
    disk_overcommit    DOUBLE PRECISION NOT NULL,
    dedicated_cores    INTEGER NOT NULL DEFAULT 0,
    management_address VARCHAR(255) NOT NULL,
    last_heartbeat     TIMESTAMP WITH TIME ZONE NOT NULL,
    created            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_hosts_state CHECK (state IN ('ACTIVE', 'MAINTENANCE', 'DRAINING', 'DOWN'))
);

ALTER TABLE server ADD COLUMN host VARCHAR(253);
-- placement sums the plans of each host's live servers: (host, plan_id, status) lets PostgreSQL
-- answer the grouped count from the index alone
CREATE INDEX ix_server_host_plan_status ON server (host, plan_id, status);
