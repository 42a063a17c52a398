package dev.weft.store.assets;

/** What produces an asset's data versions. */
public enum AssetKind {
  /** A compute run by Weft materializes it ({@link RecordMaterialization}). */
  COMPUTED,
  /**
   * External data whose version is observed, not computed (a block's hash): {@link
   * RecordObservation} records it. It is never materialized by Weft.
   */
  OBSERVABLE_SOURCE
}
