-- An account's language becomes a choice: NULL until the customer picks one on the account page
-- (pages then follow the browser's Accept-Language, mail goes out in English). Accounts had 'en'
-- only by default, as no page could set it yet, so they start without a choice.
ALTER TABLE account ALTER COLUMN language DROP NOT NULL;
ALTER TABLE account ALTER COLUMN language DROP DEFAULT;
UPDATE account SET language = NULL;
