package dev.weft.internal.worker;

import dev.weft.engine.EngineNode;
import dev.weft.engine.WeftClock;
import dev.weft.store.Batch;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.nodes.DeleteNodes;
import dev.weft.store.nodes.PutNode;
import dev.weft.store.nodes.StoredNode;
import dev.weft.store.nodes.StoredNodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records this engine node in the store (the engine-nodes extension) when it starts and then every
 * {@link EngineNode#HEARTBEAT_INTERVAL} of real time, on one virtual thread; each heartbeat also
 * deletes the nodes silent for {@link EngineNode#FORGOTTEN_AFTER}. Times come from the engine's
 * clock. A failed heartbeat is logged and the next one tries again. A store without the extension
 * records nothing and lists no node.
 */
public final class NodeHeartbeats {
  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeats.class);

  /** This node as it records itself: all but the heartbeat time. */
  public record Identity(
      String nodeId,
      String host,
      long processId,
      Instant startedAt,
      String version,
      SortedSet<String> taskQueues) {

    /** This process as node {@code nodeId}, started now, serving {@code taskQueues}. */
    public static Identity of(String nodeId, Instant startedAt, SortedSet<String> taskQueues) {
      return new Identity(
          nodeId, hostName(), ProcessHandle.current().pid(), startedAt, weftVersion(), taskQueues);
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "unknown";
      }
    }

    /** The version the build wrote into weft-core's jar; {@code unknown} from loose classes. */
    private static String weftVersion() {
      try (InputStream in = NodeHeartbeats.class.getResourceAsStream(VERSION)) {
        if (in == null) {
          return "unknown";
        }
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
      } catch (IOException e) {
        return "unknown";
      }
    }
  }

  private static final String VERSION = "/dev/weft/engine/version.properties";

  private final Store store;
  private final WeftClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopped = lock.newCondition();
  private volatile boolean running = true;
  private Identity identity;
  private Thread thread;

  public NodeHeartbeats(Store store, WeftClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records the node at once, then starts the heartbeat thread. */
  public void start(Identity identity) {
    if (nodes() == null) {
      log.info(
          "the store has no engine-nodes extension: node {} is not recorded", identity.nodeId());
      return;
    }
    this.identity = identity;
    beat();
    thread = Thread.ofVirtual().name("weft-node-heartbeat").start(this::loop);
  }

  /** Stops the heartbeats (the node's row stays, and stops being live). */
  public void stop() {
    running = false;
    lock.lock();
    try {
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Every node the store knows, by node ID; none without the extension. */
  public List<EngineNode> list() {
    StoredNodes nodes = nodes();
    if (nodes == null) {
      return List.of();
    }
    Instant now = clock.now();
    List<EngineNode> all = new ArrayList<>();
    for (StoredNode n : nodes.list()) {
      all.add(
          new EngineNode(
              n.nodeId(),
              n.host(),
              n.processId(),
              n.startedAt(),
              n.heartbeatAt(),
              n.version(),
              List.copyOf(n.taskQueues()),
              n.heartbeatAt().isAfter(now.minus(EngineNode.LIVE_WITHIN))));
    }
    return all;
  }

  private StoredNodes nodes() {
    try {
      return store.extension(StoredNodes.class);
    } catch (StoreException e) {
      return null;
    }
  }

  private void loop() {
    long interval = EngineNode.HEARTBEAT_INTERVAL.toNanos();
    while (running) {
      lock.lock();
      try {
        long left = interval;
        while (running && left > 0) {
          left = stopped.awaitNanos(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      if (running) {
        beat();
      }
    }
  }

  private void beat() {
    Instant now = clock.now();
    Identity i = identity;
    try {
      store
          .commit(
              Batch.of(
                  new PutNode(
                      new StoredNode(
                          i.nodeId(),
                          i.host(),
                          i.processId(),
                          i.startedAt(),
                          now,
                          i.version(),
                          i.taskQueues())),
                  new DeleteNodes(now.minus(EngineNode.FORGOTTEN_AFTER))))
          .get(EngineNode.HEARTBEAT_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("node {} could not record its heartbeat; trying again at the next", i.nodeId(), e);
    }
  }
}
