package dev.weft.workflow;

/**
 * Options of a durable timer ({@link Workflow#newTimer(java.time.Duration, TimerOptions)}).
 * Immutable; validated when built.
 *
 * <pre>{@code
 * Workflow.newTimer(Duration.ofDays(3),
 *     TimerOptions.newBuilder().summary("grace period before the reminder").build()).get();
 * }</pre>
 *
 * @param summary a short user-facing text that says what the timer waits for, recorded in the
 *     {@code TimerStarted} event and shown with the pending timer in describe, or {@code null}
 */
public record TimerOptions(String summary) {

  /** No summary. */
  public static final TimerOptions DEFAULTS = new TimerOptions(null);

  /** Validates the options; each error names the field and value. */
  public TimerOptions {
    if (summary != null && summary.isBlank()) {
      throw new IllegalArgumentException("TimerOptions.summary must not be blank");
    }
  }

  /** Returns a builder with nothing set. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link TimerOptions}. */
  public static final class Builder {
    private String summary;

    private Builder() {}

    /** Sets the timer's user-facing summary. */
    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException if the summary is blank
     */
    public TimerOptions build() {
      return new TimerOptions(summary);
    }
  }
}
