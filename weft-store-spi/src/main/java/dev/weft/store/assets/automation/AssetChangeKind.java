package dev.weft.store.assets.automation;

/** What a catalog write changed about an asset, as the change log records it. */
public enum AssetChangeKind {
  /** A materialization was recorded. */
  MATERIALIZED,
  /** A materialization failed. */
  FAILED,
  /** An observable source was observed with a data version different from the last one. */
  OBSERVED,
  /** A graph registration added the asset. */
  ADDED,
  /** A graph registration changed the asset's code version. */
  CODE_VERSION_CHANGED,
  /** A cron tick of the asset's automation condition passed ({@link AppendCronTick}). */
  CRON_TICK,
  /** Partitions were made stale: invalidated, or by the cascade of an upstream's new data. */
  STALE,
  /** A freshness violation opened (at its deadline). */
  FRESHNESS_VIOLATED,
  /** A freshness violation cleared (by the materialization that landed). */
  FRESHNESS_CLEARED
}
