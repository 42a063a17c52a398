-- asset-catalog V010: the current end of each named growing integer range (the chain head + 1),
-- moved forward by AdvanceIntegerPartitionEnd, never backwards.
CREATE TABLE asset_integer_ranges (
  namespace        TEXT COLLATE "C" NOT NULL,
  range_name       TEXT COLLATE "C" NOT NULL,
  end_exclusive    BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  PRIMARY KEY (namespace, range_name)
);
