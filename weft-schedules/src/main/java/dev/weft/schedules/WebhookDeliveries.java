package dev.weft.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.schedules.internal.HookDelivery;
import dev.weft.schedules.internal.HookDeliveryWorkflow;
import dev.weft.schedules.internal.TriggerWorkers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts and lists the deliveries of webhooks in one namespace: each delivery is a run of the
 * built-in workflow {@code __weft_hook_delivery} with the ID {@code __weft_hook:<hook>:<key>},
 * which runs the resolved action (the apps that registered their hooks with {@link Webhooks} serve
 * it). The ID is never reused, so a repeated key finds the first delivery and starts nothing. Needs
 * no app code: the HTTP server calls it with the definition it read from the store.
 */
public final class WebhookDeliveries {
  /** The prefix of every delivery's workflow ID. */
  public static final String ID_PREFIX = "__weft_hook:";

  private static final String MEMO_HOOK = "hook";
  private static final String MEMO_WORKFLOW_ID = "workflowId";

  private final WeftClient client;

  /** The deliveries of the namespace {@code client} acts on. */
  public WebhookDeliveries(WeftClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The delivery workflow's ID of {@code hook} for {@code key}. */
  public static String deliveryId(String hook, String key) {
    return ID_PREFIX + hook + ":" + key;
  }

  /**
   * Resolves {@code action} over {@code body} and starts the delivery, unless a delivery with this
   * key exists: then answers that first delivery's IDs and starts nothing.
   *
   * @throws WebhookMappingException naming the pointer if the body cannot give a value (nothing
   *     started)
   */
  public WebhookDelivery deliver(
      String hook, WebhookAction action, String key, JsonNode body, Instant receivedAt) {
    TriggerAction resolved = action.resolve(body);
    String deliveryId = deliveryId(hook, key);
    String target = targetOf(resolved, hook + ":" + key);
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .workflowId(deliveryId)
            .taskQueue(TriggerWorkers.TASK_QUEUE)
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .idConflictPolicy(WorkflowIdConflictPolicy.FAIL)
            .memo(MEMO_HOOK, hook);
    if (target != null) {
      options.memo(MEMO_WORKFLOW_ID, target);
    }
    try {
      client.start(
          HookDeliveryWorkflow.TYPE,
          options.build(),
          new HookDelivery(hook, key, receivedAt, resolved));
      return new WebhookDelivery(deliveryId, hook, target, true);
    } catch (WorkflowAlreadyStartedException e) {
      Map<String, Object> memo =
          client.getHandle(deliveryId, e.getExistingRunId()).describe().memo();
      return new WebhookDelivery(deliveryId, hook, text(memo.get(MEMO_WORKFLOW_ID)), false);
    }
  }

  /**
   * Returns the most recent deliveries of {@code hook}, newest first.
   *
   * @param limit at most this many (1 to 1000)
   */
  public List<WebhookDeliverySummary> recent(String hook, int limit) {
    String query =
        "WorkflowType = '"
            + HookDeliveryWorkflow.TYPE
            + "' AND WorkflowId STARTS_WITH '"
            + deliveryId(hook, "").replace("'", "''")
            + "' ORDER BY StartTime DESC";
    return client
        .listWorkflows(WorkflowFilter.query(query).withPageSize(limit))
        .workflows()
        .stream()
        .map(WebhookDeliveries::summary)
        .toList();
  }

  private static WebhookDeliverySummary summary(WorkflowSummary run) {
    return new WebhookDeliverySummary(
        run.workflowId(), run.runId(), run.status(), run.startTime(), run.closeTime());
  }

  /** The workflow an action starts or signals, when known before it runs. */
  private static String targetOf(TriggerAction action, String derivedId) {
    return switch (action) {
      case TriggerAction.StartWorkflow s -> derivedId;
      case TriggerAction.SignalWorkflow s -> s.workflowId();
      case TriggerAction.Materialize m -> derivedId;
    };
  }

  private static String text(Object memoValue) {
    if (memoValue == null) {
      return null;
    }
    return memoValue instanceof JsonNode node ? node.asText() : memoValue.toString();
  }
}
