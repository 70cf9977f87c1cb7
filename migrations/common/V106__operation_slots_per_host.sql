-- Issue 17: panel.operations.max-parallel counts per host. Each host's gate row (locked while one
-- of its slots is handed out) is made by its first operation; host names are up to 253
-- characters, like hosts.name. The single row of the one-host days goes.
ALTER TABLE operation_gate ALTER COLUMN host SET DATA TYPE VARCHAR(253);
DELETE FROM operation_gate WHERE host = 'local';
