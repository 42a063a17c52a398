package dev.weft.examples.approval;

import java.time.Instant;

/**
 * An approver's answer that the workflow accepted.
 *
 * @param approver who decided
 * @param approved whether they approved (otherwise they rejected)
 * @param comment their comment, possibly empty
 * @param decidedAt when the workflow received it (workflow time)
 */
public record Decision(String approver, boolean approved, String comment, Instant decidedAt) {}
