package dev.weft.client;

/**
 * One run a batch operation could not apply to, and why.
 *
 * @param workflowId the run's workflow ID
 * @param runId the run's ID
 * @param message the refusal ({@code workflow ... is not running}, an unknown signal, ...)
 */
public record BatchFailure(String workflowId, String runId, String message) {}
