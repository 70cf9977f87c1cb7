-- Issue 17: the console of a guest on another host. The web instance that holds the person's
-- session forwards the console's WebSocket to an instance of the guest's host (at that host's
-- console_url, written by its instances when they start), which alone reaches the guest's VNC
-- server on its loopback. The forwarding authenticates with a relay ticket: a console ticket
-- for that one forwarding, single-use and short-lived like every other, and accepted only at
-- the relay endpoint (where customer tickets are not).
ALTER TABLE hosts ADD COLUMN console_url VARCHAR(255);
ALTER TABLE console_ticket ADD COLUMN relay BOOLEAN DEFAULT FALSE NOT NULL;
