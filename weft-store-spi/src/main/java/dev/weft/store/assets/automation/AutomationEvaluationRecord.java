package dev.weft.store.assets.automation;

import java.time.Instant;
import java.util.Objects;

/**
 * One evaluation of an asset's automation condition.
 *
 * @param id its ID in the store, growing; 0 in a write
 * @param assetKey the asset
 * @param condition the condition as text ({@code eager() & !missing()})
 * @param fired whether it fired (a run was started)
 * @param reason why it fired or not, for people
 * @param partitions the partitions it fired on, as index ranges ({@code {[0, 1)}} for an
 *     unpartitioned asset); {@code ""} when it did not fire
 * @param workflowId the started run's workflow ID; null when it did not fire
 * @param runId the started run's ID; null when it did not fire
 * @param fromSeq the first change-log sequence number the evaluation covered (exclusive: it read
 *     the changes after it)
 * @param toSeq the last change-log sequence number it covered (inclusive)
 * @param at when it was evaluated
 */
public record AutomationEvaluationRecord(
    long id,
    String assetKey,
    String condition,
    boolean fired,
    String reason,
    String partitions,
    String workflowId,
    String runId,
    long fromSeq,
    long toSeq,
    Instant at) {
  /** Validates the record. */
  public AutomationEvaluationRecord {
    Objects.requireNonNull(assetKey, "assetKey");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(at, "at");
    if (fired && (workflowId == null || runId == null)) {
      throw new IllegalArgumentException(
          "a fired evaluation of asset " + assetKey + " names its workflow and run IDs");
    }
  }
}
