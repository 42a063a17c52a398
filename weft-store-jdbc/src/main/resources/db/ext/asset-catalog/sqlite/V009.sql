-- asset-catalog V009: waits on one partition of a partitioned asset. A waiter with a
-- partition_index waits on that partition's row of asset_partition_ranges (its partition_key holds
-- the key as people read it, for the record); one without waits on asset_states as before.
ALTER TABLE asset_waiters ADD COLUMN partition_index BIGINT;
