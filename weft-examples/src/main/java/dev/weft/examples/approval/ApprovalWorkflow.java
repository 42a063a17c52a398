package dev.weft.examples.approval;

import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * A human in the loop: asks an approver to approve an expense, waits for their answer (a signal)
 * for up to three days, then escalates to a second approver and waits two more days, and expires if
 * nobody answered. The waits are durable timers: they survive restarts.
 *
 * <p>The rules, which {@link ExpenseApproval} implements:
 *
 * <ul>
 *   <li>Only the current approver may decide: the approver while {@link
 *       ApprovalStage#WAITING_FOR_APPROVER}, the escalation approver once {@link
 *       ApprovalStage#ESCALATED} (the first approver had their chance). A signal from anyone else
 *       is refused: stage, approver and decision do not change, and the refusal is listed in {@link
 *       ApprovalState#refused()}.
 *   <li>The first accepted decision is final. A signal that arrives after it, while the run tells
 *       the requester, is refused the same way; once the run closed, sending one throws {@link
 *       dev.weft.failure.WorkflowNotRunningException} to the sender.
 *   <li>Nobody answering in time is not an approval: the request ends {@link
 *       ApprovalStage#EXPIRED}, without a decision, and the requester is told.
 * </ul>
 *
 * <pre>{@code
 * ApprovalWorkflow stub = client.newWorkflowStub(ApprovalWorkflow.class,
 *     WorkflowOptions.newBuilder().workflowId(request.workflowId())
 *         .taskQueue(ApprovalWorkflow.TASK_QUEUE).build());
 * WorkflowHandle<ApprovalState> handle = client.start(stub::requestApproval, request);
 * ApprovalWorkflow running = client.newWorkflowStub(ApprovalWorkflow.class, request.workflowId());
 * running.state();                                   // WAITING_FOR_APPROVER, asked dave since ...
 * running.approve("dave", "within the travel budget");
 * handle.getResult();                                // APPROVED by dave
 * }</pre>
 */
@WorkflowInterface
public interface ApprovalWorkflow {

  /** The task queue the example's workers serve. */
  String TASK_QUEUE = "approvals";

  /**
   * Runs the approval until it is decided or expired, then tells the requester.
   *
   * @return the final state: {@link ApprovalStage#APPROVED}, {@link ApprovalStage#REJECTED} or
   *     {@link ApprovalStage#EXPIRED}
   */
  @WorkflowMethod
  ApprovalState requestApproval(ExpenseRequest request);

  /** Approves, if {@code approver} is the current approver and nobody decided yet. */
  @SignalMethod
  void approve(String approver, String comment);

  /** Rejects, if {@code approver} is the current approver and nobody decided yet. */
  @SignalMethod
  void reject(String approver, String comment);

  /** Returns the current state: the stage, who is asked since when, the decision, the refusals. */
  @QueryMethod
  ApprovalState state();
}
