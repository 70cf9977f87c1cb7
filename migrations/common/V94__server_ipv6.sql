-- Issue 20: every server gets its own IPv6 /64, number 1..65535 of panel.network.ipv6-prefix
-- (its address is ::1 in it). A deleted server's /64 moves to released_ipv6_net and is not
-- handed out again until panel.network.release-cooldown after deleted_at, so no new owner
-- receives the previous one's traffic at once. Servers ordered before this version have none.
ALTER TABLE server ADD COLUMN ipv6_net INTEGER;
ALTER TABLE server ADD COLUMN released_ipv6_net INTEGER;
ALTER TABLE server ADD CONSTRAINT uq_server_ipv6_net UNIQUE (ipv6_net);
CREATE INDEX ix_server_released_ipv6_net ON server (released_ipv6_net);
