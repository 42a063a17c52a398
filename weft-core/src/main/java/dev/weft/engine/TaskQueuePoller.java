package dev.weft.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker that polled a task queue on this node: one of the engine's own pollers, or a remote
 * worker by the identity it gave.
 *
 * @param identity the worker: {@code <nodeId>} for this engine's pollers, else the remote worker's
 *     identity
 * @param kind which tasks it polls: {@code WORKFLOW} or {@code ACTIVITY}
 * @param remote whether it polls through {@link RemoteActivities} (HTTP) rather than in-process
 * @param lastPollTime when it last asked for tasks
 */
public record TaskQueuePoller(String identity, String kind, boolean remote, Instant lastPollTime) {

  /** Validates the record. */
  public TaskQueuePoller {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lastPollTime, "lastPollTime");
  }
}
