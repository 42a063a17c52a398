package dev.weft.store.assets;

import java.time.Instant;

/**
 * One entry of an asset partition's history ({@link AssetCatalog#history}): a successful
 * materialization or a failure.
 *
 * @param id the entry's ID, increasing with the order entries were recorded in the store
 * @param m the materialization; null for a failure
 * @param failureType the failure's error type; null for a materialization
 * @param failureMessage the failure's message; null for a materialization
 * @param at when it finished (the materialization's {@code finishedAt}) or failed
 */
public record MaterializationEntry(
    long id, MaterializationRecord m, String failureType, String failureMessage, Instant at) {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if {@code at}, or the failure type of a failure, is null
   * @throws IllegalArgumentException if it is both a materialization and a failure
   */
  public MaterializationEntry {
    AssetFields.nonNull("at", at);
    if (m == null) {
      if (failureType == null || failureMessage == null) {
        throw new NullPointerException(
            (failureType == null ? "failureType" : "failureMessage")
                + " (of history entry "
                + id
                + ") is null: expected a materialization or a failure");
      }
    } else if (failureType != null || failureMessage != null) {
      throw new IllegalArgumentException(
          "history entry " + id + " is both a materialization and a failure");
    }
  }

  /** Whether this entry is a failure. */
  public boolean isFailure() {
    return m == null;
  }
}
