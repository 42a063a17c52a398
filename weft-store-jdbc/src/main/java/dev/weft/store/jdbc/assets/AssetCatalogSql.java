package dev.weft.store.jdbc.assets;

/**
 * The SQL of the catalog's reads. Public so that each store's tests can check the plans their
 * database makes of it (every read an index lookup or an ordered index scan, no sort of a table).
 */
public final class AssetCatalogSql {
  private AssetCatalogSql() {}

  /**
   * A namespace's graph, one row per edge (one with a null upstream for a node without any), by
   * asset key then upstream position. Parameter: namespace.
   */
  public static final String GRAPH =
      "SELECT n.asset_key, n.kind, n.code_version, n.group_name, n.definition_json,"
          + " e.upstream_key, n.location"
          + " FROM asset_nodes n LEFT JOIN asset_edges e"
          + " ON e.namespace = n.namespace AND e.asset_key = n.asset_key"
          + " WHERE n.namespace = ? ORDER BY n.asset_key, e.position";

  /** The columns of a state, read by {@code StateColumns}; the current materialization's last. */
  static final String STATE_COLUMNS =
      " s.status, s.reasons, s.last_failure_message, s.last_failure_at,"
          + " s.last_observed_version, s.updated_at,"
          + " h.id, h.run_id, h.data_version, h.code_version, h.input_versions, h.metadata_json,"
          + " h.started_at, h.finished_at";

  /**
   * Every state of a namespace's graph, MISSING ones as a node without a state, by asset key then
   * partition. Parameter: namespace.
   */
  public static final String STATES =
      "SELECT n.asset_key, s.partition_key, n.registered_at,"
          + STATE_COLUMNS
          + " FROM asset_nodes n"
          + " LEFT JOIN asset_states s ON s.namespace = n.namespace AND s.asset_key = n.asset_key"
          + " LEFT JOIN asset_history h ON h.id = s.current_id"
          + " WHERE n.namespace = ? ORDER BY n.asset_key, s.partition_key";

  /**
   * The stored states of a namespace's graph that have stale reasons, by asset key then partition.
   * Parameter: namespace.
   */
  public static final String STALE =
      "SELECT s.asset_key, s.partition_key, n.registered_at,"
          + STATE_COLUMNS
          + " FROM asset_states s"
          + " JOIN asset_nodes n ON n.namespace = s.namespace AND n.asset_key = s.asset_key"
          + " LEFT JOIN asset_history h ON h.id = s.current_id"
          + " WHERE s.namespace = ? AND s.reasons IS NOT NULL"
          + " ORDER BY s.asset_key, s.partition_key";

  /**
   * The stored state of an asset partition, whether in the graph or not. Parameters: namespace,
   * asset key, partition.
   */
  public static final String STATE =
      "SELECT s.asset_key, s.partition_key, s.updated_at,"
          + STATE_COLUMNS
          + " FROM asset_states s LEFT JOIN asset_history h ON h.id = s.current_id"
          + " WHERE s.namespace = ? AND s.asset_key = ? AND s.partition_key = ?";

  /** When an asset entered the graph (or null). Parameters: namespace, asset key. */
  public static final String NODE_REGISTERED_AT =
      "SELECT registered_at FROM asset_nodes WHERE namespace = ? AND asset_key = ?";

  /**
   * A page of an asset partition's history, newest first. Parameters: namespace, asset key,
   * partition, the ID entries must be below, the page size plus one.
   */
  public static final String HISTORY =
      "SELECT id, run_id, data_version, code_version, input_versions, metadata_json, started_at,"
          + " finished_at, failure_type, failure_message, at"
          + " FROM asset_history WHERE namespace = ? AND asset_key = ? AND partition_key = ?"
          + " AND id < ? ORDER BY id DESC LIMIT ?";

  /**
   * The latest result of each check of an asset partition, by check name. Parameters: namespace,
   * asset key, partition.
   */
  public static final String LATEST_CHECKS =
      "SELECT c.check_name, c.run_id, c.passed, c.severity, c.blocking, c.metadata_json, c.at"
          + " FROM asset_check_latest l JOIN asset_check_results c ON c.id = l.result_id"
          + " WHERE l.namespace = ? AND l.asset_key = ? AND l.partition_key = ?"
          + " ORDER BY l.check_name";

  /**
   * The latest result of each check of every asset partition of a namespace, by asset key,
   * partition, then check name. Parameter: namespace.
   */
  public static final String LATEST_CHECKS_OF_NAMESPACE =
      "SELECT c.check_name, c.run_id, c.passed, c.severity, c.blocking, c.metadata_json, c.at,"
          + " l.asset_key, l.partition_key"
          + " FROM asset_check_latest l JOIN asset_check_results c ON c.id = l.result_id"
          + " WHERE l.namespace = ?"
          + " ORDER BY l.asset_key, l.partition_key, l.check_name";
}
