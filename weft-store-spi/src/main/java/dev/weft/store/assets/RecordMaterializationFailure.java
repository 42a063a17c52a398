package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records that a materialization failed: the history gets a failed entry, the asset's current
 * materialization stays current (the previous good data is still what downstream reads), and its
 * status becomes {@link AssetStatus#FAILED} (its stale reasons, if any, are kept) until a
 * materialization succeeds. Downstream statuses do not change. Unconditional.
 *
 * @param namespace the namespace of the asset
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param runId the run whose materialization failed; null when recorded outside a run
 * @param errorType the failure's type (an exception class name)
 * @param message the failure's message (may be empty)
 * @param at when it failed
 */
public record RecordMaterializationFailure(
    String namespace,
    String assetKey,
    String partition,
    String runId,
    String errorType,
    String message,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the namespace, error type or run ID is blank or the key is
   *     malformed
   */
  public RecordMaterializationFailure {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.nullOrNotBlank("runId", assetKey, runId);
    AssetFields.notBlank("errorType", assetKey, errorType);
    AssetFields.nonNull("message", assetKey, message);
    AssetFields.nonNull("at", assetKey, at);
  }
}
