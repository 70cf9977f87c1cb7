-- Offline changes to a server's disk (libguestfs): what a pending operation will write,
-- and whether the server was running before it, so it is started again afterwards.
-- Only the password's crypt(3) hash is stored, never the password.
ALTER TABLE server ADD COLUMN pending_plan_id BIGINT;
ALTER TABLE server ADD COLUMN pending_password_hash VARCHAR(255);
ALTER TABLE server ADD COLUMN pending_ssh_key VARCHAR(16384);
ALTER TABLE server ADD COLUMN resume_running BOOLEAN DEFAULT FALSE NOT NULL;
