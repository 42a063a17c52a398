-- asset-catalog V001: the catalog of software-defined assets. Every row is keyed by namespace, and
-- every row about data by (namespace, asset_key, partition_key); partition_key is '' for an
-- unpartitioned asset. Times are epoch milliseconds. Text lists (reasons, input versions) are
-- packed as <length>:<chars> items ('-' for null), since keys and versions may hold any character.

-- One row per namespace that has a graph (or catalog writes): the row every catalog write locks
-- first, so writes of a namespace are serialized across nodes, and the graph's version, a random
-- number each registration draws, against which a node checks its cached graph.
CREATE TABLE asset_graphs (
  namespace      TEXT NOT NULL PRIMARY KEY,
  version        BIGINT NOT NULL,
  registered_at  BIGINT NOT NULL
) WITHOUT ROWID;

-- The assets of each namespace's graph; an asset removed from the graph loses its row (and its
-- edges) but keeps its states and history. registered_at: the registration that added or changed it.
CREATE TABLE asset_nodes (
  namespace        TEXT NOT NULL,
  asset_key        TEXT NOT NULL,
  kind             TEXT NOT NULL,
  code_version     TEXT,
  group_name       TEXT NOT NULL,
  definition_json  TEXT,
  registered_at    BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key)
) WITHOUT ROWID;

-- asset_key reads upstream_key; keyed by position, the order of the asset's upstream list. The second
-- index finds an asset's downstream.
CREATE TABLE asset_edges (
  namespace     TEXT NOT NULL,
  asset_key     TEXT NOT NULL,
  upstream_key  TEXT NOT NULL,
  position      INTEGER NOT NULL,
  PRIMARY KEY (namespace, asset_key, position)
) WITHOUT ROWID;

CREATE INDEX asset_edges_by_upstream ON asset_edges (namespace, upstream_key, asset_key);

-- Every materialization and failure, in the order recorded (id). A failure has failure_type and
-- failure_message and no data_version.
CREATE TABLE asset_history (
  id               INTEGER PRIMARY KEY,
  namespace        TEXT NOT NULL,
  asset_key        TEXT NOT NULL,
  partition_key    TEXT NOT NULL,
  run_id           TEXT,
  data_version     TEXT,
  code_version     TEXT,
  input_versions   TEXT,
  metadata_json    TEXT,
  started_at       BIGINT,
  finished_at      BIGINT,
  failure_type     TEXT,
  failure_message  TEXT,
  at               BIGINT NOT NULL
);

CREATE INDEX asset_history_by_asset ON asset_history (namespace, asset_key, partition_key, id);

-- The current state of an asset partition, kept by the appliers in the transaction of the write
-- that changes it: status, stale reasons (null when none), the current materialization (an
-- asset_history id), the data version downstream compare with, the latest failure and observation.
-- An asset of the graph without a row is MISSING. The partial index lists the stale ones.
CREATE TABLE asset_states (
  namespace              TEXT NOT NULL,
  asset_key              TEXT NOT NULL,
  partition_key          TEXT NOT NULL,
  status                 TEXT NOT NULL,
  reasons                TEXT,
  current_id             BIGINT,
  data_version           TEXT,
  last_failure_message   TEXT,
  last_failure_at        BIGINT,
  last_observed_version  TEXT,
  updated_at             BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key, partition_key)
) WITHOUT ROWID;

CREATE INDEX asset_states_stale ON asset_states (namespace, asset_key, partition_key)
  WHERE reasons IS NOT NULL;

-- Every check result, and the latest one of each check of an asset partition.
CREATE TABLE asset_check_results (
  id             INTEGER PRIMARY KEY,
  namespace      TEXT NOT NULL,
  asset_key      TEXT NOT NULL,
  partition_key  TEXT NOT NULL,
  check_name     TEXT NOT NULL,
  run_id         TEXT,
  passed         INTEGER NOT NULL,
  severity       TEXT NOT NULL,
  blocking       INTEGER NOT NULL,
  metadata_json  TEXT,
  at             BIGINT NOT NULL
);

CREATE INDEX asset_check_results_by_check
  ON asset_check_results (namespace, asset_key, partition_key, check_name, id);

CREATE TABLE asset_check_latest (
  namespace      TEXT NOT NULL,
  asset_key      TEXT NOT NULL,
  partition_key  TEXT NOT NULL,
  check_name     TEXT NOT NULL,
  result_id      BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key, partition_key, check_name)
) WITHOUT ROWID;
