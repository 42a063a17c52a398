package dev.weft.activity;

import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import java.time.Duration;

/**
 * How an activity call is scheduled: its task queue, timeouts and retry policy. Immutable and
 * validated when built.
 *
 * <pre>{@code
 * PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class,
 *     ActivityOptions.newBuilder()
 *         .startToCloseTimeout(Duration.ofSeconds(30))
 *         .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(5).build())
 *         .build());
 * }</pre>
 *
 * <p>As in Temporal, at least one of {@code startToCloseTimeout} and {@code scheduleToCloseTimeout}
 * is required: an activity without a bound on its run time could hang a workflow forever when its
 * worker dies.
 *
 * @param taskQueue the queue the activity is dispatched on; {@code null} for the workflow's own
 * @param startToCloseTimeout the maximum time of one attempt, or {@code null}
 * @param scheduleToCloseTimeout the maximum time over all attempts and backoffs, or {@code null}
 * @param heartbeatTimeout the maximum time between heartbeats of a running attempt, or {@code null}
 * @param retryPolicy how failed attempts are retried
 * @param priority the priority and fairness key of its tasks; unset fields are inherited (see
 *     {@link Priority})
 * @param cancellationType what cancelling its scope does (default {@link
 *     ActivityCancellationType#TRY_CANCEL})
 * @param summary a short user-facing text about the call, or {@code null}
 */
public record ActivityOptions(
    String taskQueue,
    Duration startToCloseTimeout,
    Duration scheduleToCloseTimeout,
    Duration heartbeatTimeout,
    RetryPolicy retryPolicy,
    Priority priority,
    ActivityCancellationType cancellationType,
    String summary) {

  /** Validates the options; each error names the field and value. */
  public ActivityOptions {
    if (summary != null && summary.isBlank()) {
      throw new IllegalArgumentException("ActivityOptions.summary must not be blank");
    }
    priority = priority == null ? Priority.INHERIT : priority;
    cancellationType =
        cancellationType == null ? ActivityCancellationType.TRY_CANCEL : cancellationType;
    if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
      throw new IllegalArgumentException(
          "ActivityOptions needs startToCloseTimeout or scheduleToCloseTimeout (or both)");
    }
    requirePositive("startToCloseTimeout", startToCloseTimeout);
    requirePositive("scheduleToCloseTimeout", scheduleToCloseTimeout);
    requirePositive("heartbeatTimeout", heartbeatTimeout);
    if (taskQueue != null && taskQueue.isBlank()) {
      throw new IllegalArgumentException("ActivityOptions.taskQueue must not be blank");
    }
    if (retryPolicy == null) {
      retryPolicy = RetryPolicy.DEFAULT;
    }
  }

  /** Creates options with the default cancellation type ({@code TRY_CANCEL}) and no summary. */
  public ActivityOptions(
      String taskQueue,
      Duration startToCloseTimeout,
      Duration scheduleToCloseTimeout,
      Duration heartbeatTimeout,
      RetryPolicy retryPolicy,
      Priority priority) {
    this(
        taskQueue,
        startToCloseTimeout,
        scheduleToCloseTimeout,
        heartbeatTimeout,
        retryPolicy,
        priority,
        ActivityCancellationType.TRY_CANCEL,
        null);
  }

  private static void requirePositive(String field, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(
          "ActivityOptions." + field + " must be positive, was " + value);
    }
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialized from these options. */
  public Builder toBuilder() {
    return new Builder()
        .taskQueue(taskQueue)
        .startToCloseTimeout(startToCloseTimeout)
        .scheduleToCloseTimeout(scheduleToCloseTimeout)
        .heartbeatTimeout(heartbeatTimeout)
        .retryPolicy(retryPolicy)
        .priority(priority)
        .cancellationType(cancellationType)
        .summary(summary);
  }

  /** Builds {@link ActivityOptions}. */
  public static final class Builder {
    private String taskQueue;
    private Duration startToCloseTimeout;
    private Duration scheduleToCloseTimeout;
    private Duration heartbeatTimeout;
    private RetryPolicy retryPolicy;
    private Priority priority = Priority.INHERIT;
    private ActivityCancellationType cancellationType = ActivityCancellationType.TRY_CANCEL;
    private String summary;

    private Builder() {}

    /**
     * Sets a short user-facing text that says what this call does ("charge the card"), recorded in
     * the {@code ActivityScheduled} event and shown with the pending activity in describe (and
     * later in the UI). Default: none.
     */
    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** Sets the task queue (default: the calling workflow's queue). */
    public Builder taskQueue(String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /** Sets the maximum time of one attempt. */
    public Builder startToCloseTimeout(Duration timeout) {
      this.startToCloseTimeout = timeout;
      return this;
    }

    /** Sets the maximum time over all attempts and backoffs. */
    public Builder scheduleToCloseTimeout(Duration timeout) {
      this.scheduleToCloseTimeout = timeout;
      return this;
    }

    /** Sets the maximum time between heartbeats of a running attempt. */
    public Builder heartbeatTimeout(Duration timeout) {
      this.heartbeatTimeout = timeout;
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
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
     * Sets what cancelling the activity's scope does (default {@link
     * ActivityCancellationType#TRY_CANCEL}): request the cancel, or abandon the activity.
     */
    public Builder cancellationType(ActivityCancellationType cancellationType) {
      this.cancellationType =
          cancellationType == null ? ActivityCancellationType.TRY_CANCEL : cancellationType;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public ActivityOptions build() {
      return new ActivityOptions(
          taskQueue,
          startToCloseTimeout,
          scheduleToCloseTimeout,
          heartbeatTimeout,
          retryPolicy,
          priority,
          cancellationType,
          summary);
    }
  }
}
