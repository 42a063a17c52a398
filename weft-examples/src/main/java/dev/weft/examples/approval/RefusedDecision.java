package dev.weft.examples.approval;

import java.time.Instant;

/**
 * An approve or reject signal that the workflow refused, and why. Signals cannot answer their
 * sender, so the refusals are part of the state that {@link ApprovalWorkflow#state()} reports.
 *
 * @param from who sent it
 * @param approve whether it was an approval (otherwise a rejection)
 * @param reason why it was refused: not the current approver, or already decided
 * @param receivedAt when the workflow received it (workflow time)
 */
public record RefusedDecision(String from, boolean approve, String reason, Instant receivedAt) {}
