package dev.weft.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a run's history.
 *
 * @param eventId the position in the history, from 1, without gaps
 * @param time when the event was recorded (for a workflow task, the time its code saw as {@code
 *     Workflow.now()})
 * @param attributes what happened
 */
public record HistoryEvent(long eventId, Instant time, EventAttributes attributes) {

  /** Validates the record. */
  public HistoryEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(attributes, "attributes");
  }

  /** Returns the event type name, the simple name of the attributes record. */
  public String type() {
    return attributes.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return eventId + " " + attributes;
  }
}
