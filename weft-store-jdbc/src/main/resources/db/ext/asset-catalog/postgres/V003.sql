-- asset-catalog V003: code locations. Several apps (locations) share a namespace's graph; each
-- registration replaces only the nodes of its own location. Rows registered before locations
-- existed belong to the default location.
ALTER TABLE asset_nodes ADD COLUMN location TEXT COLLATE "C" NOT NULL DEFAULT 'default';
