package dev.weft.store.assets;

/** What an {@link AwaitAsset} waiter waits for. */
public enum AssetWaitCondition {
  /**
   * The asset partition's current materialization finished after the waiter's point ({@link
   * AwaitAsset#after}), or, for an observable source, it was observed after that point.
   */
  MATERIALIZED_AFTER,
  /** The asset partition's status is {@link AssetStatus#FRESH}. */
  FRESH
}
