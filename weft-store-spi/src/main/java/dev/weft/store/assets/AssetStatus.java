package dev.weft.store.assets;

/**
 * An asset's status in the catalog, kept by the store as writes commit (never computed on read).
 * {@link #FAILED} wins over {@link #STALE}: a failed asset whose upstream also moved is {@code
 * FAILED} and still lists its {@link StaleReason}s.
 */
public enum AssetStatus {
  /** Its current data reflects its code and its upstream's current data: nothing to do. */
  FRESH,
  /** It has current data, but at least one {@link StaleReason} holds. */
  STALE,
  /** Never materialized (or, for an observable source, never observed). */
  MISSING,
  /** Its last materialization failed; the previous good one, if any, stays current. */
  FAILED
}
