package dev.weft.client;

import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import dev.weft.common.SearchAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a workflow run is started. Immutable; validated when built.
 *
 * <pre>{@code
 * WorkflowOptions options = WorkflowOptions.newBuilder()
 *     .workflowId("order-42")
 *     .taskQueue("orders")
 *     .workflowRunTimeout(Duration.ofHours(1))
 *     .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(3).build())
 *     .searchAttribute("CustomerId", "c-7")
 *     .memo("note", "priority customer")
 *     .build();
 * }</pre>
 *
 * @param workflowId the workflow ID; {@code null} for a random one
 * @param taskQueue the queue its workflow tasks are dispatched on (required)
 * @param idReusePolicy whether the ID may be reused after earlier runs closed
 * @param idConflictPolicy what to do when a run with the ID is running
 * @param workflowExecutionTimeout the longest the workflow may take over all its runs (retries and
 *     continue-as-new included), or {@code null} for no limit
 * @param workflowRunTimeout the longest one run may take, or {@code null} for no limit
 * @param retryPolicy how a failed or timed-out run is retried as a new run of the same workflow ID,
 *     or {@code null} for no retries (the default, as in Temporal)
 * @param searchAttributes the run's search attributes at start, by registered name
 * @param memo values kept with the run and shown by describe, never filtered on
 * @param priority the priority and fairness key of its tasks; unset fields are inherited (see
 *     {@link Priority})
 * @param startDelay how long after the start the run's first workflow task is dispatched ({@link
 *     Duration#ZERO} for at once, the default); see {@link Builder#startDelay}
 */
public record WorkflowOptions(
    String workflowId,
    String taskQueue,
    WorkflowIdReusePolicy idReusePolicy,
    WorkflowIdConflictPolicy idConflictPolicy,
    Duration workflowExecutionTimeout,
    Duration workflowRunTimeout,
    RetryPolicy retryPolicy,
    Map<String, Object> searchAttributes,
    Map<String, Object> memo,
    Priority priority,
    Duration startDelay) {

  /** Validates the options; each error names the field and value. */
  public WorkflowOptions {
    priority = priority == null ? Priority.INHERIT : priority;
    startDelay = startDelay == null ? Duration.ZERO : startDelay;
    if (startDelay.isNegative()) {
      throw new IllegalArgumentException(
          "WorkflowOptions.startDelay must be zero or positive, was " + startDelay);
    }
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("WorkflowOptions.taskQueue is required");
    }
    if (workflowId != null && workflowId.isBlank()) {
      throw new IllegalArgumentException("WorkflowOptions.workflowId must not be blank");
    }
    if (workflowId != null && workflowId.length() > 1000) {
      throw new IllegalArgumentException(
          "WorkflowOptions.workflowId is "
              + workflowId.length()
              + " characters; the limit is 1000");
    }
    if (idReusePolicy == null) {
      idReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
    }
    if (idConflictPolicy == null) {
      idConflictPolicy = WorkflowIdConflictPolicy.FAIL;
    }
    requirePositive("workflowExecutionTimeout", workflowExecutionTimeout);
    requirePositive("workflowRunTimeout", workflowRunTimeout);
    searchAttributes = copy("searchAttributes", searchAttributes);
    memo = copy("memo", memo);
  }

  private static void requirePositive(String field, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(
          "WorkflowOptions." + field + " must be positive, was " + value);
    }
  }

  private static Map<String, Object> copy(String field, Map<String, Object> values) {
    if (values == null) {
      return Map.of();
    }
    values.forEach(
        (name, value) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("WorkflowOptions." + field + " has a blank name");
          }
          if (value == null) {
            throw new IllegalArgumentException(
                "WorkflowOptions." + field + " '" + name + "' has a null value");
          }
        });
    return Map.copyOf(values);
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialized from these options. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .workflowId(workflowId)
            .taskQueue(taskQueue)
            .idReusePolicy(idReusePolicy)
            .idConflictPolicy(idConflictPolicy)
            .workflowExecutionTimeout(workflowExecutionTimeout)
            .workflowRunTimeout(workflowRunTimeout)
            .retryPolicy(retryPolicy)
            .priority(priority)
            .startDelay(startDelay);
    searchAttributes.forEach(b::searchAttribute);
    memo.forEach(b::memo);
    return b;
  }

  /** Builds {@link WorkflowOptions}. */
  public static final class Builder {
    private String workflowId;
    private String taskQueue;
    private WorkflowIdReusePolicy idReusePolicy;
    private WorkflowIdConflictPolicy idConflictPolicy;
    private Duration workflowExecutionTimeout;
    private Duration workflowRunTimeout;
    private RetryPolicy retryPolicy;
    private Priority priority = Priority.INHERIT;
    private Duration startDelay = Duration.ZERO;
    private final Map<String, Object> searchAttributes = new LinkedHashMap<>();
    private final Map<String, Object> memo = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the workflow ID (default: a random UUID). */
    public Builder workflowId(String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    /** Sets the task queue (required). */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Sets the ID reuse policy (default {@link WorkflowIdReusePolicy#ALLOW_DUPLICATE}). */
    public Builder idReusePolicy(WorkflowIdReusePolicy policy) {
      this.idReusePolicy = policy;
      return this;
    }

    /** Sets the ID conflict policy (default {@link WorkflowIdConflictPolicy#FAIL}). */
    public Builder idConflictPolicy(WorkflowIdConflictPolicy policy) {
      this.idConflictPolicy = policy;
      return this;
    }

    /** Sets the longest the workflow may take over all its runs (default: no limit). */
    public Builder workflowExecutionTimeout(Duration timeout) {
      this.workflowExecutionTimeout = timeout;
      return this;
    }

    /** Sets the longest one run may take (default: no limit). */
    public Builder workflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = timeout;
      return this;
    }

    /** Sets how failed or timed-out runs are retried (default: not retried). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Sets a search attribute the run starts with. The name must be registered on the engine; the
     * value's Java type must fit the registered type (see {@link
     * dev.weft.common.SearchAttributeType}).
     */
    public Builder searchAttribute(String name, Object value) {
      searchAttributes.put(name, value);
      return this;
    }

    /**
     * Sets search attributes the run starts with from typed values (Temporal's {@code
     * setTypedSearchAttributes}); they join those set by name.
     */
    public Builder typedSearchAttributes(SearchAttributes values) {
      searchAttributes.putAll(values.asMap());
      return this;
    }

    /** Sets search attributes the run starts with (see {@link #searchAttribute}). */
    public Builder searchAttributes(Map<String, ?> values) {
      searchAttributes.putAll(values);
      return this;
    }

    /** Adds a memo entry: any serializable value, shown by describe. */
    public Builder memo(String name, Object value) {
      memo.put(name, value);
      return this;
    }

    /**
     * Sets the priority and fairness key of its tasks (default: all inherited from the workflow
     * that starts it, or the defaults).
     */
    public Builder priority(Priority priority) {
      this.priority = priority == null ? Priority.INHERIT : priority;
      return this;
    }

    /**
     * Delays the run's first workflow task (Temporal's {@code setStartDelay}): the run is created
     * at once (listed, described, RUNNING, its workflow ID taken) and its code first runs {@code
     * delay} after the start. The delay is durable: it is the due time of the run's first workflow
     * task in the store, so an engine restarted meanwhile dispatches it when it falls due. As in
     * Temporal, a signal sent during the delay waits with the run (its code sees it in the first
     * task), while a signal-with-start on the delayed run ends the delay at once; the
     * signal-with-start that starts a delayed run keeps the delay. Default {@link Duration#ZERO}.
     *
     * <pre>{@code
     * WorkflowOptions.newBuilder().taskQueue("reminders").startDelay(Duration.ofHours(24)).build();
     * }</pre>
     *
     * @throws IllegalArgumentException at {@link #build} if the delay is negative
     */
    public Builder startDelay(Duration delay) {
      this.startDelay = delay;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public WorkflowOptions build() {
      return new WorkflowOptions(
          workflowId,
          taskQueue,
          idReusePolicy,
          idConflictPolicy,
          workflowExecutionTimeout,
          workflowRunTimeout,
          retryPolicy,
          searchAttributes,
          memo,
          priority,
          startDelay);
    }
  }
}
