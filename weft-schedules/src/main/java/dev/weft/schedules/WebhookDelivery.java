package dev.weft.schedules;

import java.util.Objects;

/**
 * The answer to a webhook request: the delivery's run, the hook, and the workflow its action
 * started or signalled.
 *
 * @param deliveryId the delivery workflow's ID, {@code __weft_hook:<hook>:<key>}
 * @param hook the hook's name
 * @param workflowId the workflow the action starts or signals; for a materialization, the run that
 *     materializes
 * @param first whether this request started the delivery (false: a repeated {@code
 *     Idempotency-Key}, answered with the first delivery's IDs, nothing new started)
 */
public record WebhookDelivery(String deliveryId, String hook, String workflowId, boolean first) {
  /** Validates the answer. */
  public WebhookDelivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(hook, "hook");
  }
}
