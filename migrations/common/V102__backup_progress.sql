-- Issue 16: how far a running backup's copy is (0-100), for the customer's page and the API.
-- Kept on the row rather than in the memory of the instance that runs the job: the page or the
-- API request that reads it may be served by another instance of the cluster. Null when the
-- backup is not running.
ALTER TABLE backup ADD COLUMN progress INTEGER;
