package dev.weft.workflow;

import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import dev.weft.common.SearchAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a child workflow is started from workflow code. Immutable; validated when built.
 *
 * <pre>{@code
 * Shipping shipping = Workflow.newChildWorkflowStub(Shipping.class,
 *     ChildWorkflowOptions.newBuilder()
 *         .workflowId("ship-" + orderId)
 *         .parentClosePolicy(ParentClosePolicy.ABANDON)
 *         .build());
 * String tracking = shipping.ship(orderId); // starts the child and waits for its result
 * }</pre>
 *
 * @param workflowId the child's workflow ID; {@code null} for one drawn from {@link
 *     Workflow#randomUUID()} (deterministic on replay)
 * @param taskQueue the queue of the child's workflow tasks; {@code null} for the parent's
 * @param parentClosePolicy what happens to the child if the parent closes first
 * @param idReusePolicy whether the ID may be reused after earlier runs with it closed
 * @param workflowExecutionTimeout the longest the child may take over all its runs, or {@code null}
 * @param workflowRunTimeout the longest one run of the child may take, or {@code null}
 * @param retryPolicy how failed runs of the child are retried, or {@code null} for no retries
 * @param searchAttributes the child's search attributes at start, by registered name
 * @param memo the child's memo
 * @param priority the priority and fairness key of its tasks; unset fields are inherited (see
 *     {@link Priority})
 * @param cancellationType what cancelling its scope does (default {@link
 *     ChildWorkflowCancellationType#TRY_CANCEL})
 */
public record ChildWorkflowOptions(
    String workflowId,
    String taskQueue,
    ParentClosePolicy parentClosePolicy,
    WorkflowIdReusePolicy idReusePolicy,
    Duration workflowExecutionTimeout,
    Duration workflowRunTimeout,
    RetryPolicy retryPolicy,
    Map<String, Object> searchAttributes,
    Map<String, Object> memo,
    Priority priority,
    ChildWorkflowCancellationType cancellationType) {

  /** The defaults: random ID, the parent's queue, {@link ParentClosePolicy#TERMINATE}. */
  public static final ChildWorkflowOptions DEFAULTS = newBuilder().build();

  /** Validates the options; each error names the field and value. */
  public ChildWorkflowOptions {
    priority = priority == null ? Priority.INHERIT : priority;
    if (cancellationType == null) {
      cancellationType = ChildWorkflowCancellationType.TRY_CANCEL;
    }
    if (workflowId != null && workflowId.isBlank()) {
      throw new IllegalArgumentException("ChildWorkflowOptions.workflowId must not be blank");
    }
    if (taskQueue != null && taskQueue.isBlank()) {
      throw new IllegalArgumentException("ChildWorkflowOptions.taskQueue must not be blank");
    }
    if (parentClosePolicy == null) {
      parentClosePolicy = ParentClosePolicy.TERMINATE;
    }
    if (idReusePolicy == null) {
      idReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
    }
    requirePositive("workflowExecutionTimeout", workflowExecutionTimeout);
    requirePositive("workflowRunTimeout", workflowRunTimeout);
    searchAttributes = copy("searchAttributes", searchAttributes);
    memo = copy("memo", memo);
  }

  /** Creates options with the default cancellation type ({@code TRY_CANCEL}). */
  public ChildWorkflowOptions(
      String workflowId,
      String taskQueue,
      ParentClosePolicy parentClosePolicy,
      WorkflowIdReusePolicy idReusePolicy,
      Duration workflowExecutionTimeout,
      Duration workflowRunTimeout,
      RetryPolicy retryPolicy,
      Map<String, Object> searchAttributes,
      Map<String, Object> memo,
      Priority priority) {
    this(
        workflowId,
        taskQueue,
        parentClosePolicy,
        idReusePolicy,
        workflowExecutionTimeout,
        workflowRunTimeout,
        retryPolicy,
        searchAttributes,
        memo,
        priority,
        ChildWorkflowCancellationType.TRY_CANCEL);
  }

  private static void requirePositive(String field, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(
          "ChildWorkflowOptions." + field + " must be positive, was " + value);
    }
  }

  private static Map<String, Object> copy(String field, Map<String, Object> values) {
    if (values == null) {
      return Map.of();
    }
    values.forEach(
        (name, value) -> {
          if (value == null) {
            throw new IllegalArgumentException(
                "ChildWorkflowOptions." + field + " '" + name + "' has a null value");
          }
        });
    return Map.copyOf(values);
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link ChildWorkflowOptions}. */
  public static final class Builder {
    private String workflowId;
    private String taskQueue;
    private ParentClosePolicy parentClosePolicy;
    private WorkflowIdReusePolicy idReusePolicy;
    private Duration workflowExecutionTimeout;
    private Duration workflowRunTimeout;
    private RetryPolicy retryPolicy;
    private Priority priority = Priority.INHERIT;
    private ChildWorkflowCancellationType cancellationType =
        ChildWorkflowCancellationType.TRY_CANCEL;
    private final Map<String, Object> searchAttributes = new LinkedHashMap<>();
    private final Map<String, Object> memo = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the child's workflow ID (default: drawn from {@link Workflow#randomUUID()}). */
    public Builder workflowId(String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    /** Sets the child's task queue (default: the parent's). */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Sets what happens to the child when the parent closes (default TERMINATE). */
    public Builder parentClosePolicy(ParentClosePolicy policy) {
      this.parentClosePolicy = policy;
      return this;
    }

    /** Sets the ID reuse policy (default ALLOW_DUPLICATE). */
    public Builder idReusePolicy(WorkflowIdReusePolicy policy) {
      this.idReusePolicy = policy;
      return this;
    }

    /** Sets the longest the child may take over all its runs. */
    public Builder workflowExecutionTimeout(Duration timeout) {
      this.workflowExecutionTimeout = timeout;
      return this;
    }

    /** Sets the longest one run of the child may take. */
    public Builder workflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = timeout;
      return this;
    }

    /** Sets how failed runs of the child are retried (default: not retried). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Sets search attributes the child starts with from typed values. */
    public Builder typedSearchAttributes(SearchAttributes values) {
      searchAttributes.putAll(values.asMap());
      return this;
    }

    /** Sets a search attribute the child starts with (the name must be registered). */
    public Builder searchAttribute(String name, Object value) {
      searchAttributes.put(name, value);
      return this;
    }

    /** Adds a memo entry of the child. */
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
     * Sets what cancelling the child's scope does (default {@link
     * ChildWorkflowCancellationType#TRY_CANCEL}).
     */
    public Builder cancellationType(ChildWorkflowCancellationType cancellationType) {
      this.cancellationType =
          cancellationType == null ? ChildWorkflowCancellationType.TRY_CANCEL : cancellationType;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public ChildWorkflowOptions build() {
      return new ChildWorkflowOptions(
          workflowId,
          taskQueue,
          parentClosePolicy,
          idReusePolicy,
          workflowExecutionTimeout,
          workflowRunTimeout,
          retryPolicy,
          searchAttributes,
          memo,
          priority,
          cancellationType);
    }
  }
}
