package dev.weft.store.assets;

/** The kinds of freshness policy the catalog keeps. */
public enum FreshnessPolicyKind {
  /** The latest materialization must be no older than a duration. */
  MAX_LAG,
  /** Each time partition must exist by a time of day after its window ends. */
  PARTITION_DEADLINE
}
