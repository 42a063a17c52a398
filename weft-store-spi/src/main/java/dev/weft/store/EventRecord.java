package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One history event as stored: its position, type name, time, and the engine's encoding of it.
 *
 * @param eventId the position in the run's history, starting at 1, without gaps
 * @param type the event type name (for inspection and indexes; the data is authoritative)
 * @param time when the event was recorded
 * @param data the engine's encoding of the event; opaque to the store
 */
public record EventRecord(long eventId, String type, Instant time, byte[] data) {

  /** Validates the record. */
  public EventRecord {
    if (eventId < 1) {
      throw new IllegalArgumentException("eventId must be >= 1, was " + eventId);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }
}
