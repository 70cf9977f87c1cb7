-- Issue 17 item 2: dedicated cores. A plan's dedicated_vcpus is 0 (its vCPUs share the host's
-- shared cores) or all of its vCPUs, each pinned to a host core reserved for it alone.
-- hosts.dedicated_cpuset: the cores the host's panel.host.dedicated-cores reserves ("1-3"; empty:
-- none); hosts.dedicated_cores stays their count.
-- dedicated_core: which server holds which reserved core. Its primary key is the guard: two
-- orders can never hold the same core of a host, whatever the panel instances do; a deleted
-- server's rows are removed in the same transaction that marks it deleted.
ALTER TABLE plan ADD COLUMN dedicated_vcpus INT DEFAULT 0 NOT NULL;
ALTER TABLE plan ADD CONSTRAINT ck_plan_dedicated_vcpus CHECK (dedicated_vcpus = 0 OR dedicated_vcpus = vcpus);
ALTER TABLE hosts ADD COLUMN dedicated_cpuset VARCHAR(255) DEFAULT '' NOT NULL;
CREATE TABLE dedicated_core (
    host      VARCHAR(253) NOT NULL,
    core      INTEGER NOT NULL,
    server_id BIGINT NOT NULL REFERENCES server (id) ON DELETE CASCADE,
    PRIMARY KEY (host, core)
);
CREATE INDEX ix_dedicated_core_server ON dedicated_core (server_id);
