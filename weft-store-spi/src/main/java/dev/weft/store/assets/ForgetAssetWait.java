package dev.weft.store.assets;

import dev.weft.store.Write;

/**
 * Deletes a waiter registered with {@link AwaitAsset} (its run stopped waiting: a timeout, a
 * cancellation). Unconditional: a waiter that was woken already, or never registered, changes
 * nothing.
 *
 * @param namespace the namespace of the waiter
 * @param waiterId the waiter's ID
 */
public record ForgetAssetWait(String namespace, String waiterId) implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if a field is blank
   */
  public ForgetAssetWait {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.notBlank("waiterId", waiterId);
  }

  /** Null: the write only deletes the waiter's row. */
  @Override
  public String runId() {
    return null;
  }
}
