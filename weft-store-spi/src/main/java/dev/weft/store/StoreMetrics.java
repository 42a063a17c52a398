package dev.weft.store;

/**
 * Observes a store's writer transactions, for metrics: registered with {@link
 * Store#addMetrics(StoreMetrics)}, it hears of every committed transaction with how many units of
 * work (batches, claims, heartbeats) it carried and how long it took. The engine registers one that
 * feeds its Micrometer registry; a store module needs no metrics library.
 *
 * <p>Called on the store's writer thread after the database commit returned and before any caller
 * learns of it: implementations must be quick, must not allocate on every call if they can avoid
 * it, must not block and must not call the store. An exception thrown here is logged and ignored.
 */
public interface StoreMetrics {

  /**
   * A writer transaction committed.
   *
   * @param units how many units of work the transaction carried (its group size), at least 1
   * @param nanos how long it took, from its first statement to the end of the database commit
   */
  void committed(int units, long nanos);
}
