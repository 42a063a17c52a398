package dev.weft.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An engine node of the store, as it recorded itself ({@link WeftEngine#listNodes()}): each engine
 * records itself when it starts and then every {@link #HEARTBEAT_INTERVAL}; a node is live while
 * its last heartbeat is less than {@link #LIVE_WITHIN} old, and is forgotten a day after it.
 *
 * @param nodeId the node ID ({@link WeftEngine.Builder#nodeId})
 * @param host the host name the node runs on
 * @param processId the operating system's ID of the node's process
 * @param startTime when the node started
 * @param lastHeartbeat when the node last recorded itself
 * @param version the Weft version the node runs ({@code unknown} when run from unpackaged classes)
 * @param taskQueues the task queues the node's workers serve, by name
 * @param live whether the last heartbeat is within {@link #LIVE_WITHIN} of the listing node's clock
 */
public record EngineNode(
    String nodeId,
    String host,
    long processId,
    Instant startTime,
    Instant lastHeartbeat,
    String version,
    List<String> taskQueues,
    boolean live) {

  /** How often a node records itself. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

  /** A node whose last heartbeat is older than this (three intervals) is not live. */
  public static final Duration LIVE_WITHIN = HEARTBEAT_INTERVAL.multipliedBy(3);

  /**
   * A node whose last heartbeat is older than this is deleted by the next heartbeat of any node.
   */
  public static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

  /** Validates the record and copies the list. */
  public EngineNode {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    Objects.requireNonNull(version, "version");
    taskQueues = List.copyOf(taskQueues);
  }
}
