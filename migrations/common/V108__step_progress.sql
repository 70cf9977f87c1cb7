-- Issue 17: how far the running step of a server's operation is (0-100), where a step reports it
-- (a migration's copy). On the row, not in the memory of the host instance that runs the step: the
-- page or API request that reads it may be served by another instance. Null otherwise.
ALTER TABLE server ADD COLUMN step_percent INTEGER;
