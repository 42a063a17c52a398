-- asset-catalog V008: freshness and automation on partitions.
-- A violation of a partition deadline names its window's index (partition_index), so the
-- materialization of any range holding it clears it in its transaction; null for an unpartitioned
-- asset.
ALTER TABLE asset_freshness_violations ADD COLUMN partition_index BIGINT;

CREATE INDEX asset_freshness_violations_open_by_index
  ON asset_freshness_violations (namespace, asset_key, partition_index) WHERE cleared_at IS NULL;

-- A change of partitions (materialized, failed, made stale, observed, a freshness violation of a
-- partition and its clearing) records the indexes it touched: their hull [partition_start,
-- partition_end) and, when they are not one range, every range (IndexRangeSet text). partition_key
-- keeps the partitions as people read them. All null for an unpartitioned change.
ALTER TABLE asset_changes ADD COLUMN partition_start BIGINT;

ALTER TABLE asset_changes ADD COLUMN partition_end BIGINT;

ALTER TABLE asset_changes ADD COLUMN partition_ranges TEXT;
