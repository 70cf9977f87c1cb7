-- Issue 17, host down: the heartbeat also says whether the host instance reaches its libvirtd
-- (a host whose panel is alive but whose hypervisor is lost is down, too), and the last state
-- the fleet noted for each host, so that going down and coming back are audited once each
-- rather than at every pass. Whether a host is down is still computed on read (FleetHost.down):
-- these columns feed the rule, they do not replace it.
ALTER TABLE hosts ADD COLUMN libvirt_reachable BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE hosts ADD COLUMN libvirt_problem VARCHAR(500);
ALTER TABLE hosts ADD COLUMN libvirt_lost_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE hosts ADD COLUMN down_noted_at TIMESTAMP WITH TIME ZONE;
