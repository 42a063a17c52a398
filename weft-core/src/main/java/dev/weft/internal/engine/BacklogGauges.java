package dev.weft.internal.engine;

import dev.weft.engine.WeftClock;
import dev.weft.store.QueueBacklog;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task queues' backlogs as gauges: {@code weft.task.queue.backlog{task_queue,kind}}
 * [weft_task_queue_backlog], the tasks claimable and not claimed, and {@code
 * weft.task.queue.oldest.age{task_queue,kind}} [weft_task_queue_oldest_age_seconds], how long the
 * oldest of them has waited (0 when none waits).
 *
 * <p>Read from the store ({@link Store#taskBacklog}) when a gauge is read (a scrape) and the last
 * read is older than {@link #MAX_STALENESS}: one query per scrape at most, never on a step path,
 * and no thread of its own. Gauges exist for every queue this node serves (both kinds) and for
 * every queue a read found; a queue with nothing waiting reads 0. A failed read keeps the last
 * values.
 *
 * <p>Thread-safe: gauges are read by whatever thread scrapes the registry.
 */
public final class BacklogGauges {
  private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

  /** How old the backlog read may be when a gauge is read. */
  static final Duration MAX_STALENESS = Duration.ofSeconds(5);

  private record Key(String taskQueue, TaskKind kind) {}

  private record Snapshot(Map<Key, QueueBacklog> backlogs, Instant readAt, long readAtNanos) {}

  private final Store store;
  private final WeftClock clock;
  private final MeterRegistry registry;
  private final Set<Key> registered = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot;

  public BacklogGauges(Store store, WeftClock clock, MeterRegistry registry) {
    this.store = store;
    this.clock = clock;
    this.registry = registry;
  }

  /** Registers the gauges of the queues this node serves (at engine start). */
  public void register(Iterable<String> taskQueues) {
    for (String queue : taskQueues) {
      for (TaskKind kind : TaskKind.values()) {
        register(new Key(queue, kind));
      }
    }
  }

  private void register(Key key) {
    if (!registered.add(key)) {
      return;
    }
    String kind = key.kind().name().toLowerCase(Locale.ROOT);
    Gauge.builder("weft.task.queue.backlog", key, this::tasks)
        .description("tasks claimable on the queue and not claimed yet")
        .tag("task_queue", key.taskQueue())
        .tag("kind", kind)
        .register(registry);
    Gauge.builder("weft.task.queue.oldest.age", key, this::oldestAgeSeconds)
        .description("how long the oldest claimable, unclaimed task of the queue has waited")
        .tag("task_queue", key.taskQueue())
        .tag("kind", kind)
        .baseUnit("seconds")
        .register(registry);
  }

  private double tasks(Key key) {
    QueueBacklog b = current().backlogs().get(key);
    return b == null ? 0 : b.tasks();
  }

  private double oldestAgeSeconds(Key key) {
    Snapshot s = current();
    QueueBacklog b = s.backlogs().get(key);
    if (b == null) {
      return 0;
    }
    return Math.max(0, Duration.between(b.oldestVisibleAt(), s.readAt()).toMillis()) / 1000.0;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s != null && System.nanoTime() - s.readAtNanos() < MAX_STALENESS.toNanos()) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && System.nanoTime() - s.readAtNanos() < MAX_STALENESS.toNanos()) {
        return s;
      }
      return snapshot = read(s);
    }
  }

  private Snapshot read(Snapshot previous) {
    Instant now = clock.now();
    List<QueueBacklog> read;
    try {
      read = store.taskBacklog(now);
    } catch (RuntimeException e) {
      log.debug("cannot read the task queues' backlog; keeping the last values", e);
      return previous != null
          ? new Snapshot(previous.backlogs(), previous.readAt(), System.nanoTime())
          : new Snapshot(Map.of(), now, System.nanoTime());
    }
    Map<Key, QueueBacklog> byKey = new HashMap<>();
    for (QueueBacklog b : read) {
      byKey.put(new Key(b.taskQueue(), b.kind()), b);
    }
    Snapshot s = new Snapshot(byKey, now, System.nanoTime());
    // a queue seen for the first time gets its gauges (they read this snapshot)
    snapshot = s;
    byKey.keySet().forEach(this::register);
    return s;
  }
}
