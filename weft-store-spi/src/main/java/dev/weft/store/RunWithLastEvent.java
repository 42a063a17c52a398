package dev.weft.store;

import java.util.Objects;

/**
 * A run as {@link Store#findRunWithLastEvent} read it: its record and its last history event (the
 * one before {@link RunRecord#nextEventId()}), which for a closed run is the event that closed it.
 *
 * @param run the run
 * @param lastEvent its last history event, or null if its history is empty
 */
public record RunWithLastEvent(RunRecord run, EventRecord lastEvent) {

  /** Validates the record: the event, if any, is the run's last. */
  public RunWithLastEvent {
    Objects.requireNonNull(run, "run");
    if (lastEvent != null && lastEvent.eventId() != run.nextEventId() - 1) {
      throw new IllegalArgumentException(
          "lastEvent of run "
              + run.runId()
              + " must have event ID "
              + (run.nextEventId() - 1)
              + ", was "
              + lastEvent.eventId());
    }
  }
}
