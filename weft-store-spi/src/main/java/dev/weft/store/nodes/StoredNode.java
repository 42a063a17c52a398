package dev.weft.store.nodes;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An engine node as it recorded itself in the store: who it is and when it last said it was alive.
 *
 * @param nodeId the engine's node ID, unique among live nodes of a store
 * @param host the host name the node runs on
 * @param processId the operating system's ID of the node's process
 * @param startedAt when the node started
 * @param heartbeatAt when the node last recorded itself
 * @param version the Weft version the node runs
 * @param taskQueues the task queues the node's workers serve, by name
 */
public record StoredNode(
    String nodeId,
    String host,
    long processId,
    Instant startedAt,
    Instant heartbeatAt,
    String version,
    SortedSet<String> taskQueues) {

  /** Validates the record and copies the queues. */
  public StoredNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    Objects.requireNonNull(version, "version");
    taskQueues = new TreeSet<>(taskQueues);
  }

  /** Returns the queues (a copy). */
  @Override
  public SortedSet<String> taskQueues() {
    return new TreeSet<>(taskQueues);
  }
}
