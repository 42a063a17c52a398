package dev.weft.workflow;

import java.time.Duration;

/**
 * How the run that continues this one ({@link Workflow#continueAsNew(ContinueAsNewOptions,
 * Object...)}, {@link Workflow#newContinueAsNewStub(Class, ContinueAsNewOptions)}) differs from it.
 * Unset fields keep this run's values. Immutable; validated when built.
 *
 * <pre>{@code
 * Workflow.newContinueAsNewStub(Subscription.class,
 *         ContinueAsNewOptions.newBuilder().taskQueue("subscriptions-v2").build())
 *     .run(state);
 * }</pre>
 *
 * @param taskQueue the new run's task queue, or {@code null} for this run's
 * @param workflowRunTimeout the new run's run timeout, or {@code null} for this run's
 */
public record ContinueAsNewOptions(String taskQueue, Duration workflowRunTimeout) {

  /** Keeps everything as it is. */
  public static final ContinueAsNewOptions DEFAULTS = new ContinueAsNewOptions(null, null);

  /** Validates the options; each error names the field and value. */
  public ContinueAsNewOptions {
    if (taskQueue != null && taskQueue.isBlank()) {
      throw new IllegalArgumentException("ContinueAsNewOptions.taskQueue must not be blank");
    }
    if (workflowRunTimeout != null
        && (workflowRunTimeout.isNegative() || workflowRunTimeout.isZero())) {
      throw new IllegalArgumentException(
          "ContinueAsNewOptions.workflowRunTimeout must be positive, was " + workflowRunTimeout);
    }
  }

  /** Returns a builder with nothing set. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link ContinueAsNewOptions}. */
  public static final class Builder {
    private String taskQueue;
    private Duration workflowRunTimeout;

    private Builder() {}

    /** Sets the new run's task queue. */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Sets the new run's run timeout. */
    public Builder workflowRunTimeout(Duration timeout) {
      this.workflowRunTimeout = timeout;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException naming a field with a bad value
     */
    public ContinueAsNewOptions build() {
      return new ContinueAsNewOptions(taskQueue, workflowRunTimeout);
    }
  }
}
