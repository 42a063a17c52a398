/**
 * Scenario: a human in the loop. {@link dev.weft.examples.approval.ExpenseApproval} asks an
 * approver to approve an expense and waits for their signal for up to three days; then it escalates
 * to a second approver and waits two more days; if nobody answered, the request expires. A query
 * reports at any time the stage, who is asked since when, and the decision.
 *
 * <p>Only the current approver may decide, and the first accepted decision is final: other signals
 * are refused and listed in the state (see {@link dev.weft.examples.approval.ApprovalWorkflow} for
 * the rules).
 */
package dev.weft.examples.approval;
