package dev.weft.store.assets.backfills;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;

/**
 * Records what became of one chunk of a backfill for each asset it produces, and moves the assets'
 * counts by the change: a chunk first IN_PROGRESS then MATERIALIZED counts once. A chunk that ended
 * keeps its first ending (an attempt's record arriving again changes nothing), so the write can be
 * added to a compute activity's completion and retried. Fails the batch (a conflict naming it) when
 * the backfill is unknown.
 *
 * @param namespace the namespace
 * @param backfillId the backfill
 * @param assetKeys the assets the chunk produces, never empty
 * @param start the chunk's first partition index
 * @param end the index after its last
 * @param fromKey the first partition's key
 * @param toKey the last partition's key
 * @param status what became of it
 * @param error the failure or why it was skipped; null otherwise
 * @param at when
 */
public record RecordBackfillChunk(
    String namespace,
    String backfillId,
    List<String> assetKeys,
    long start,
    long end,
    String fromKey,
    String toKey,
    ChunkStatus status,
    String error,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException naming a null required field
   * @throws IllegalArgumentException naming an empty key list, a malformed key or an empty range
   */
  public RecordBackfillChunk {
    BackfillFields.notBlank("namespace", namespace);
    BackfillFields.notBlank("backfillId", backfillId);
    BackfillFields.nonNull("assetKeys", assetKeys);
    if (assetKeys.isEmpty()) {
      throw new IllegalArgumentException("assetKeys is empty: expected at least one asset");
    }
    assetKeys.forEach(k -> BackfillFields.asset("assetKeys", k));
    assetKeys = List.copyOf(assetKeys);
    BackfillFields.notNegative("start", start);
    if (end <= start) {
      throw new IllegalArgumentException(
          "range [" + start + ", " + end + ") is empty: expected end above start");
    }
    BackfillFields.nonNull("fromKey", fromKey);
    BackfillFields.nonNull("toKey", toKey);
    BackfillFields.nonNull("status", status);
    BackfillFields.nonNull("at", at);
  }

  /** A backfill write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
