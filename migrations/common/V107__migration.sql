-- Issue 17: live migration of a running server to another host, started by staff. A host's
-- instances write where other hosts' libvirtds reach its libvirtd for a migration, and where
-- a migrated guest's files and network are there; the server row holds the host it is moving
-- to while its migration runs (its steps run on both hosts, see server.Operation.MIGRATE).
ALTER TABLE hosts ADD COLUMN migration_uri VARCHAR(255);
ALTER TABLE hosts ADD COLUMN storage_dir VARCHAR(1024);
ALTER TABLE hosts ADD COLUMN network_name VARCHAR(255);
ALTER TABLE server ADD COLUMN migration_target VARCHAR(253);
