package dev.weft.schedules;

import dev.weft.common.WorkflowStatus;
import java.time.Instant;

/**
 * One recent delivery of a webhook: a run of the delivery workflow.
 *
 * @param deliveryId the delivery workflow's ID
 * @param runId its run's ID
 * @param status its status (COMPLETED once the action ran)
 * @param startTime when the request was accepted
 * @param closeTime when the action finished, or null while it runs
 */
public record WebhookDeliverySummary(
    String deliveryId, String runId, WorkflowStatus status, Instant startTime, Instant closeTime) {}
