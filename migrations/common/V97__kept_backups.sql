-- Issue 16 items 5 and 7. kept: the customer chose to keep this backup when its server was
-- deleted (it survives the server and is listed among their kept backups). restoring_into: the
-- new server being provisioned from this backup; the backup stays held (busy_server_id) until
-- that server is running or failed, so it and its server cannot be deleted under the restore.
ALTER TABLE backup ADD COLUMN kept BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE backup ADD COLUMN restoring_into BIGINT;
CREATE INDEX ix_backup_account_kept ON backup (account_id, kept);
