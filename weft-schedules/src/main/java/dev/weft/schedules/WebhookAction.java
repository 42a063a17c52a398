package dev.weft.schedules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a webhook does with a delivery, as a template over the request's JSON body: start a
 * workflow, signal one, or materialize an asset selection. Its values are {@link WebhookValue}s
 * (JSON pointers into the body, or constants). Kept in the store as JSON (the HTTP server reads it
 * there), so it is a closed set of Jackson-serializable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WebhookAction.StartWorkflow.class, name = "start"),
  @JsonSubTypes.Type(value = WebhookAction.SignalWorkflow.class, name = "signal"),
  @JsonSubTypes.Type(value = WebhookAction.Materialize.class, name = "materialize")
})
public sealed interface WebhookAction {

  /**
   * Starts a workflow of {@code workflowType} on {@code taskQueue} with the arguments; its workflow
   * ID is derived from the hook and the delivery's key.
   *
   * @param workflowType the workflow type
   * @param taskQueue the task queue
   * @param args the arguments, in order
   */
  record StartWorkflow(String workflowType, String taskQueue, List<WebhookValue> args)
      implements WebhookAction {
    /** Validates the template. */
    public StartWorkflow {
      requireText("workflowType", workflowType);
      requireText("taskQueue", taskQueue);
      args = List.copyOf(args);
    }
  }

  /**
   * Signals the workflow whose ID is {@code workflowId} with {@code signalName} and the arguments.
   *
   * @param workflowId the target workflow's ID (usually read from the body)
   * @param signalName the signal's name
   * @param args the signal's arguments, in order
   */
  record SignalWorkflow(WebhookValue workflowId, String signalName, List<WebhookValue> args)
      implements WebhookAction {
    /** Validates the template. */
    public SignalWorkflow {
      Objects.requireNonNull(workflowId, "workflowId");
      requireText("signalName", signalName);
      args = List.copyOf(args);
    }
  }

  /**
   * Materializes an asset selection, of one partition when {@code partitionKey} is given.
   *
   * @param selection the asset selection ({@code AssetSelection} syntax)
   * @param partitionKey the partition's key, or null for an unpartitioned selection
   */
  record Materialize(String selection, WebhookValue partitionKey) implements WebhookAction {
    /** Validates the template. */
    public Materialize {
      requireText("selection", selection);
    }
  }

  /**
   * Resolves the template over a delivery's body: the action the delivery runs.
   *
   * @throws WebhookMappingException naming the first pointer the body cannot give
   */
  default TriggerAction resolve(JsonNode body) {
    return switch (this) {
      case StartWorkflow s ->
          new TriggerAction.StartWorkflow(
              s.workflowType(), s.taskQueue(), read(s.args(), body), null);
      case SignalWorkflow s ->
          new TriggerAction.SignalWorkflow(
              s.workflowId().readText(body), s.signalName(), read(s.args(), body));
      case Materialize m ->
          new TriggerAction.Materialize(
              m.selection(),
              m.partitionKey() == null ? null : m.partitionKey().readText(body),
              false);
    };
  }

  private static List<JsonNode> read(List<WebhookValue> values, JsonNode body) {
    return values.stream().map(v -> v.read(body)).toList();
  }

  /** The JSON pointers the template reads, in order (each must resolve in a delivery's body). */
  default List<String> pointers() {
    List<WebhookValue> values =
        switch (this) {
          case StartWorkflow s -> s.args();
          case SignalWorkflow s ->
              Stream.concat(Stream.of(s.workflowId()), s.args().stream()).toList();
          case Materialize m -> m.partitionKey() == null ? List.of() : List.of(m.partitionKey());
        };
    return values.stream().map(WebhookValue::pointer).filter(Objects::nonNull).toList();
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "webhook action field '" + field + "' must not be blank, was '" + value + "'");
    }
  }
}
