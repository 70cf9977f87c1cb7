-- Where the guest's VNC server listened when the ticket was issued: the WebSocket upgrade then
-- needs no libvirt round trip. Tickets live at most 60 s and are revoked when their server stops,
-- so the address cannot go stale (QEMU keeps its port until the process ends). NULL for tickets
-- issued before this column existed: those look the address up as before.
ALTER TABLE console_ticket ADD COLUMN vnc_host VARCHAR(64);
ALTER TABLE console_ticket ADD COLUMN vnc_port INT;
CREATE INDEX ix_console_ticket_server ON console_ticket (server_id);
