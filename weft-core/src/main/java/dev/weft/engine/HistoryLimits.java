package dev.weft.engine;

/**
 * How long a run's history may grow. Past a warning limit, the run is flagged in describe and in
 * the logs; a workflow task that would take it past a hard limit terminates the run instead (its
 * history stays readable). The defaults are Temporal's: warn at 10,240 events or 10 MiB, terminate
 * at 51,200 events or 50 MiB; continue-as-new is suggested to the code from 8% of a hard limit
 * (4,096 events or 4 MiB). The way out for a long-lived workflow is {@code Workflow.continueAsNew},
 * which starts a new run with an empty history.
 *
 * @param warnEvents the event count past which the run is flagged
 * @param warnBytes the history size past which the run is flagged
 * @param maxEvents the event count a workflow task may not exceed
 * @param maxBytes the history size a workflow task may not exceed
 */
public record HistoryLimits(long warnEvents, long warnBytes, long maxEvents, long maxBytes) {

  /** Temporal's defaults: 10,240 events / 10 MiB to warn, 51,200 events / 50 MiB to terminate. */
  public static final HistoryLimits DEFAULTS =
      new HistoryLimits(10_240, 10L * 1024 * 1024, 51_200, 50L * 1024 * 1024);

  /** The share of a hard limit from which continue-as-new is suggested, in percent. */
  public static final int SUGGESTED_PERCENT = 8;

  /** Validates the limits; each error names the field and value. */
  public HistoryLimits {
    requirePositive("warnEvents", warnEvents);
    requirePositive("warnBytes", warnBytes);
    requirePositive("maxEvents", maxEvents);
    requirePositive("maxBytes", maxBytes);
    if (warnEvents > maxEvents) {
      throw new IllegalArgumentException(
          "HistoryLimits.warnEvents (" + warnEvents + ") exceeds maxEvents (" + maxEvents + ")");
    }
    if (warnBytes > maxBytes) {
      throw new IllegalArgumentException(
          "HistoryLimits.warnBytes (" + warnBytes + ") exceeds maxBytes (" + maxBytes + ")");
    }
  }

  private static void requirePositive(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "HistoryLimits." + field + " must be positive, was " + value);
    }
  }

  /**
   * Returns whether a history of this size should continue as new ({@code
   * WorkflowInfo.isContinueAsNewSuggested()}): at 8% of a hard limit, which with the defaults is
   * Temporal's suggestion of 4,096 events or 4 MiB.
   */
  public boolean suggestsContinueAsNew(long events, long bytes) {
    return events * 100 >= maxEvents * SUGGESTED_PERCENT
        || bytes * 100 >= maxBytes * SUGGESTED_PERCENT;
  }

  /** Returns whether a history of this size is past a warning limit. */
  public boolean warns(long events, long bytes) {
    return events > warnEvents || bytes > warnBytes;
  }

  /** Returns whether a history of this size is past a hard limit. */
  public boolean exceeds(long events, long bytes) {
    return events > maxEvents || bytes > maxBytes;
  }

  /** Describes a history of this size against the limits, for describe and the logs. */
  public String describe(long events, long bytes) {
    return "history has "
        + events
        + " events and "
        + bytes
        + " bytes (warning at "
        + warnEvents
        + " events or "
        + warnBytes
        + " bytes; a workflow task that would pass "
        + maxEvents
        + " events or "
        + maxBytes
        + " bytes terminates the run); continue-as-new starts a new run with an empty history";
  }
}
