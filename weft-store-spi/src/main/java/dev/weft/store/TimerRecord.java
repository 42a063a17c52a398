package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable timer of a run: it fires at {@code fireAt} unless deleted first.
 *
 * @param runId the run that owns the timer
 * @param seq the run's command sequence number that created the timer
 * @param fireAt when the timer is due
 */
public record TimerRecord(String runId, long seq, Instant fireAt) {

  /** Validates the record. */
  public TimerRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(fireAt, "fireAt");
  }
}
