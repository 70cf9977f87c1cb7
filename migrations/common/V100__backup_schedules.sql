-- Issue 16 items 4 and 6: daily scheduled backups and their verification.
-- plan.backup_slots: how many scheduled backups a plan keeps (0: none are made); older ones are
-- deleted through the merging delete, so every kept one stays restorable.
-- backup.scheduled_for: the day of the schedule window a scheduled backup belongs to (null for
-- the customer's own "back up now"); unique per server, so one backup per server and window
-- however many panel instances look at once.
-- backup.verified_at: when the "verify all" job last re-read the file against its manifest.
ALTER TABLE plan ADD COLUMN backup_slots INT DEFAULT 7 NOT NULL;
UPDATE plan SET backup_slots = 3 WHERE name = 'nano';
ALTER TABLE plan ADD CONSTRAINT ck_plan_backup_slots CHECK (backup_slots BETWEEN 0 AND 30);
ALTER TABLE backup ADD COLUMN scheduled_for DATE;
ALTER TABLE backup ADD CONSTRAINT uq_backup_server_window UNIQUE (server_id, scheduled_for);
ALTER TABLE backup ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
