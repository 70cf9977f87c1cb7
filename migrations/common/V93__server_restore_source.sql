-- Issue 16: while a server is restored from a backup, the backup file its new disk is written
-- from (kept with the operation, so a restart of the panel resumes the same restore).
ALTER TABLE server ADD COLUMN restore_source VARCHAR(1000);
