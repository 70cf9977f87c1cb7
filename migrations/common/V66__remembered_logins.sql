-- Issue 18: the account page lists remembered logins ("Keep me signed in") with when they began,
-- and forgets them one at a time. Spring's token repository writes only the four original
-- columns, so the start is the row's insert time (local time, like last_used).
ALTER TABLE persistent_logins ADD COLUMN created_at TIMESTAMP DEFAULT LOCALTIMESTAMP;
CREATE INDEX ix_persistent_logins_username ON persistent_logins (username);
