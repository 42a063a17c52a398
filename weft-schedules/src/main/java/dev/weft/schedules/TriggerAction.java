package dev.weft.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a schedule, a sensor or a webhook does when it fires: start a workflow, signal one, or
 * materialize an asset selection. A closed set of records, serialized as JSON with a {@code type}
 * member ({@code startWorkflow}, {@code signalWorkflow}, {@code materialize}) so that the action
 * travels in the trigger's workflow state and through the HTTP API unchanged.
 *
 * <p>Each firing runs its action with a workflow ID derived from the trigger and its nominal fire
 * time, so a firing repeated after a crash finds the run it already started.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TriggerAction.StartWorkflow.class, name = "startWorkflow"),
  @JsonSubTypes.Type(value = TriggerAction.SignalWorkflow.class, name = "signalWorkflow"),
  @JsonSubTypes.Type(value = TriggerAction.Materialize.class, name = "materialize")
})
public sealed interface TriggerAction {

  /**
   * Returns the action's JSON type name. It is an ordinary property (not only Jackson's type id) so
   * that an action keeps it where Jackson serializes it by its runtime class, as in the untyped
   * argument arrays of workflow and activity calls.
   */
  @JsonProperty("type")
  String type();

  /**
   * Starts a workflow of {@code workflowType} on {@code taskQueue} with {@code args}, its workflow
   * ID being the firing's derived ID.
   *
   * @param workflowType the workflow type to start
   * @param taskQueue the task queue its workers poll
   * @param args its positional arguments, as JSON (empty for none)
   * @param executionTimeout the run's execution timeout, or {@code null} for none
   */
  record StartWorkflow(
      String workflowType, String taskQueue, List<JsonNode> args, Duration executionTimeout)
      implements TriggerAction {
    /**
     * @throws IllegalArgumentException naming the field if the type or the queue is blank, or the
     *     timeout is not positive
     */
    public StartWorkflow {
      requireText("workflowType", workflowType);
      requireText("taskQueue", taskQueue);
      args = args == null ? List.of() : List.copyOf(args);
      if (executionTimeout != null
          && (executionTimeout.isZero() || executionTimeout.isNegative())) {
        throw new IllegalArgumentException(
            "executionTimeout is " + executionTimeout + ": expected a positive duration or null");
      }
    }

    @Override
    public String type() {
      return "startWorkflow";
    }

    /** Starts {@code workflowType} on {@code taskQueue} with these arguments, no timeout. */
    public static StartWorkflow of(String workflowType, String taskQueue, JsonNode... args) {
      return new StartWorkflow(workflowType, taskQueue, List.of(args), null);
    }
  }

  /**
   * Signals the running run of {@code workflowId} with {@code signalName} and {@code args}.
   *
   * @param workflowId the workflow to signal
   * @param signalName the signal
   * @param args its positional arguments, as JSON (empty for none)
   */
  record SignalWorkflow(String workflowId, String signalName, List<JsonNode> args)
      implements TriggerAction {
    /**
     * @throws IllegalArgumentException naming the field if the workflow ID or signal is blank
     */
    public SignalWorkflow {
      requireText("workflowId", workflowId);
      requireText("signalName", signalName);
      args = args == null ? List.of() : List.copyOf(args);
    }

    @Override
    public String type() {
      return "signalWorkflow";
    }

    /** Signals {@code workflowId} with {@code signalName} and these arguments. */
    public static SignalWorkflow of(String workflowId, String signalName, JsonNode... args) {
      return new SignalWorkflow(workflowId, signalName, List.of(args));
    }
  }

  /**
   * Materializes an asset selection (the syntax of {@code AssetSelection.parse}), of one partition
   * when {@code partitionKey} is set.
   *
   * @param selection the asset selection
   * @param partitionKey the partition to materialize, or {@code null} for an unpartitioned
   *     selection
   * @param partitionFromFireTime materialize the time window before the one holding the fire time
   *     (yesterday's partition for a daily schedule), found from the partition definitions of the
   *     selection's time-partitioned assets
   */
  record Materialize(String selection, String partitionKey, boolean partitionFromFireTime)
      implements TriggerAction {
    /**
     * @throws IllegalArgumentException naming the field if the selection is blank, the partition
     *     key is blank, or both a partition key and partitionFromFireTime are given
     */
    public Materialize {
      requireText("selection", selection);
      if (partitionKey != null) {
        requireText("partitionKey", partitionKey);
        if (partitionFromFireTime) {
          throw new IllegalArgumentException(
              "partitionKey is '"
                  + partitionKey
                  + "' and partitionFromFireTime is true: expected one of them, not both");
        }
      }
    }

    @Override
    public String type() {
      return "materialize";
    }

    /** Materializes an unpartitioned selection. */
    public static Materialize of(String selection) {
      return new Materialize(selection, null, false);
    }

    /** Materializes one partition of a selection. */
    public static Materialize partition(String selection, String partitionKey) {
      return new Materialize(
          selection, Objects.requireNonNull(partitionKey, "partitionKey"), false);
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field
              + " is "
              + (value == null ? "null" : "'" + value + "'")
              + ": expected a non-blank value");
    }
  }
}
