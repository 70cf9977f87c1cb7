-- Why a server's last operation failed, as the message key and its arguments (JSON), so the page
-- shows it in the reader's language; failure_reason keeps the English text for logs and old rows.
ALTER TABLE server ADD COLUMN failure_message VARCHAR(4000);
