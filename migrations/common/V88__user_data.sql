-- Issue 15: the customer's own cloud-init user data (≤ 32 KiB of UTF-8, checked by the panel),
-- kept for the next install; a reinstall may replace it.
ALTER TABLE server ADD COLUMN user_data VARCHAR(32768);
