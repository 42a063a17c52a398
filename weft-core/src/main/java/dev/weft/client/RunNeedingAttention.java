package dev.weft.client;

import java.time.Instant;
import java.util.List;

/**
 * A running run that needs attention, with why.
 *
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param workflowType the workflow type
 * @param taskQueue the run's task queue
 * @param startTime when the run started
 * @param reasons why it needs attention: its workflow task first, then its activities by seq; never
 *     empty
 */
public record RunNeedingAttention(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    Instant startTime,
    List<AttentionReason> reasons) {

  /** Copies the list. */
  public RunNeedingAttention {
    reasons = List.copyOf(reasons);
  }
}
