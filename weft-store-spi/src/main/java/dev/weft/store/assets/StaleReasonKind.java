package dev.weft.store.assets;

/** Why an asset is stale; see {@link StaleReason}. */
public enum StaleReasonKind {
  /** Its code version differs from the one that produced its current materialization. */
  CODE_VERSION_CHANGED,
  /**
   * An upstream asset's current data version differs from the version its current materialization
   * consumed.
   */
  UPSTREAM_NEWER_DATA,
  /** An upstream asset is itself stale; the reason names the asset whose change started it. */
  UPSTREAM_STALE
}
