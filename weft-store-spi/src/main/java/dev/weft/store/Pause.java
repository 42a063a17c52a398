package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Why and since when something is paused (a run, an activity type on a queue, a whole queue).
 *
 * @param pausedAt when the pause was committed
 * @param reason what the operator gave as the reason; may be empty
 * @param identity who paused it (a user, a tool); may be empty
 */
public record Pause(Instant pausedAt, String reason, String identity) {

  /** Validates the record. */
  public Pause {
    Objects.requireNonNull(pausedAt, "pausedAt");
    reason = reason == null ? "" : reason;
    identity = identity == null ? "" : identity;
  }
}
