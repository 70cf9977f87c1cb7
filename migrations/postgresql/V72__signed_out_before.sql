-- Issue 18: "signed out before" per account. A password or second-factor change, and "sign out
-- everywhere", set it; every panel instance signs out a browser session of the account that
-- began before it (browser sessions live in each instance's memory, this reaches them all).
ALTER TABLE account ADD COLUMN signed_out_before TIMESTAMP WITH TIME ZONE;
