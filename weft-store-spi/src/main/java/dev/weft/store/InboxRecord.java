package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that arrived for a run (an activity result, a fired timer, a signal) and waits for the
 * run's next workflow task, which moves it into the history.
 *
 * <p>Only workflow tasks append to a running workflow's history; everything that happens to a run
 * from outside lands in its inbox first. That keeps history appends free of write contention: ten
 * thousand activities completing while a workflow task runs do not invalidate it.
 *
 * @param inboxId the store-assigned, increasing ID (order of arrival)
 * @param runId the run the event is for
 * @param type the event type name
 * @param time when the event arrived
 * @param data the engine's encoding of the event; opaque to the store
 */
public record InboxRecord(long inboxId, String runId, String type, Instant time, byte[] data) {

  /** Validates the record. */
  public InboxRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }
}
