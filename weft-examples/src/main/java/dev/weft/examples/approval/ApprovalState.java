package dev.weft.examples.approval;

import java.time.Instant;
import java.util.List;

/**
 * An approval's state, as its query and its result report it. Times are workflow time.
 *
 * @param requestId the request's ID
 * @param stage where the approval is
 * @param requestedAt when the run started
 * @param approver who is (or was last) asked: the approver, or after the escalation the escalation
 *     approver; {@code null} before the first ask
 * @param askedAt since when {@code approver} is asked
 * @param respondBy until when {@code approver} may answer: after it, the request escalates or
 *     expires
 * @param escalated whether the escalation approver was asked
 * @param decision the accepted decision, or {@code null} while waiting and when expired
 * @param endedAt when the request was decided or expired, or {@code null} while waiting
 * @param refused the signals that were refused, in the order they arrived
 */
public record ApprovalState(
    String requestId,
    ApprovalStage stage,
    Instant requestedAt,
    String approver,
    Instant askedAt,
    Instant respondBy,
    boolean escalated,
    Decision decision,
    Instant endedAt,
    List<RefusedDecision> refused) {

  /** Copies the list of refusals. */
  public ApprovalState {
    refused = refused == null ? List.of() : List.copyOf(refused);
  }
}
