package dev.weft.store.assets.backfills;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Moves a backfill to a status: pause, resume and cancel from the API, the end from its workflow.
 * An ended status also sets the end time. Fails the batch (a conflict naming the backfill and its
 * status) when the backfill is unknown or already ended; a CANCELING backfill only ends.
 *
 * @param namespace the namespace
 * @param backfillId the backfill
 * @param status the new status
 * @param at when
 */
public record SetBackfillStatus(
    String namespace, String backfillId, BackfillStatus status, Instant at) implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException if the status is REQUESTED (only a launch sets it)
   */
  public SetBackfillStatus {
    BackfillFields.notBlank("namespace", namespace);
    BackfillFields.notBlank("backfillId", backfillId);
    BackfillFields.nonNull("status", status);
    BackfillFields.nonNull("at", at);
    if (status == BackfillStatus.REQUESTED) {
      throw new IllegalArgumentException(
          "status is REQUESTED: expected RUNNING, PAUSED, CANCELING or an ended status");
    }
  }

  /** A backfill write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
