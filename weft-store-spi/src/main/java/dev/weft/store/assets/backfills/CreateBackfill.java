package dev.weft.store.assets.backfills;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records a launched backfill, {@link BackfillStatus#REQUESTED}, without progress (its workflow
 * plans it: {@link PlanBackfill}). Fails the batch (a conflict naming it) when the namespace has a
 * backfill of that ID already.
 *
 * @param namespace the namespace
 * @param backfillId its ID
 * @param location the code location whose nodes run it
 * @param selection the asset selection
 * @param partitionsJson the partitions as JSON (see {@link BackfillRecord#partitionsJson})
 * @param maxConcurrentRuns how many compute calls may run at once, at least 1
 * @param retryOf the backfill it retries, or null
 * @param workflowId its workflow
 * @param at when it was launched
 */
public record CreateBackfill(
    String namespace,
    String backfillId,
    String location,
    String selection,
    String partitionsJson,
    int maxConcurrentRuns,
    String retryOf,
    String workflowId,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException naming a null required field
   * @throws IllegalArgumentException naming a blank field or a {@code maxConcurrentRuns} below 1
   */
  public CreateBackfill {
    BackfillFields.notBlank("namespace", namespace);
    BackfillFields.notBlank("backfillId", backfillId);
    BackfillFields.notBlank("location", location);
    BackfillFields.notBlank("selection", selection);
    BackfillFields.notBlank("partitionsJson", partitionsJson);
    BackfillFields.notBlank("workflowId", workflowId);
    BackfillFields.nonNull("at", at);
    if (maxConcurrentRuns < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRuns is " + maxConcurrentRuns + ": expected at least 1");
    }
    if (retryOf != null && retryOf.isBlank()) {
      throw new IllegalArgumentException("retryOf is blank: expected null or a backfill ID");
    }
  }

  /** A backfill write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
