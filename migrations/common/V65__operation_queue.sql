-- At most panel.operations.max-parallel server operations use a host at once; the others
-- wait in line. A server's operation is admitted when it gets a slot; until then it is queued.
ALTER TABLE server ADD COLUMN operation_admitted_at TIMESTAMP WITH TIME ZONE;
-- Operations already running when this migration runs keep going.
UPDATE server SET operation_admitted_at = operation_started_at WHERE operation IS NOT NULL;
CREATE INDEX server_operation_queue ON server (operation_admitted_at, operation_started_at);

-- One row per host whose slots are handed out: locked (SELECT ... FOR UPDATE) while a slot is
-- taken, so panels on several machines never admit more than the limit between them.
CREATE TABLE operation_gate (
    host VARCHAR(100) PRIMARY KEY
);
INSERT INTO operation_gate (host) VALUES ('local');
