package dev.weft.assets;

/** What produces an asset's data versions. */
public enum AssetKind {
  /** Materialized by a compute that Weft runs. */
  COMPUTED,
  /** External data whose version is observed, never computed (e.g. a chain's head block hash). */
  OBSERVABLE_SOURCE
}
