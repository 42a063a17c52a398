package dev.weft.internal.engine;

import dev.weft.engine.WeftClock;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a task waits with no worker to take it: an activity or workflow task on a queue, or of
 * a type, that no worker of this node serves, still unclaimed {@code stallAfter} after it became
 * visible. Such a task would otherwise wait forever without a word (a typo in a task queue name, a
 * worker not deployed).
 *
 * <p>This node watches the tasks it creates for queues and types it does not serve ({@link
 * #watch}); tasks it serves are a backlog, not a stall. When one is due, the store says whether it
 * is still waiting: one claimed by a worker of any node, or gone, is forgotten, so a task that
 * another node serves is reported only if no node claimed it in time. A stalled task logs a warning
 * once per queue, type and kind (again only after that group has emptied), counts in the gauge
 * {@code weft.tasks.stalled{queue,type,kind}} when a meter registry is given, and gets a stall
 * reason in describe ({@link #reason}).
 *
 * <p>Per node: a node knows its own workers only (the store keeps no record of pollers), so a task
 * created on a node that does not serve its queue, for a queue served elsewhere by busy workers, is
 * reported as stalled once it has waited {@code stallAfter} unclaimed.
 *
 * <p>Thread-safe: tasks are watched from workflow-task and client threads, checked by {@link
 * #check} on one background thread.
 */
public final class StallWatch {
  private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

  /** At most this many tasks are watched; beyond it new ones are not (and a warning says so). */
  static final int MAX_WATCHED = 100_000;

  private record TaskKey(String runId, long seq, TaskKind kind) {}

  private record Group(TaskKind kind, String queue, String type) {}

  private static final class Watched {
    final Group group;
    Instant nextCheck;
    boolean stalled;

    Watched(Group group, Instant nextCheck) {
      this.group = group;
      this.nextCheck = nextCheck;
    }
  }

  private final Store store;
  private final WeftClock clock;
  private final Registry registry;
  private final Duration stallAfter;
  private final MeterRegistry meters;
  private final Map<TaskKey, Watched> watched = new ConcurrentHashMap<>();
  private final Map<Group, AtomicInteger> stalledByGroup = new ConcurrentHashMap<>();
  private volatile boolean fullWarned;

  /**
   * @param stallAfter how long a task may wait unclaimed before it counts as stalled
   * @param meters where the gauge goes, or null for no metric
   */
  public StallWatch(
      Store store, WeftClock clock, Registry registry, Duration stallAfter, MeterRegistry meters) {
    this.store = store;
    this.clock = clock;
    this.registry = registry;
    this.stallAfter = stallAfter;
    this.meters = meters;
  }

  /** Returns how long a task may wait unclaimed before it counts as stalled. */
  public Duration stallAfter() {
    return stallAfter;
  }

  /**
   * Watches a task just created (visible from {@code visibleAt}) if this node does not serve its
   * queue and type. {@code seq} is the activity's sequence number, 0 for a workflow task.
   */
  public void watch(
      TaskKind kind, String queue, String type, String runId, long seq, Instant visibleAt) {
    if (serves(kind, queue, type)) {
      return;
    }
    if (watched.size() >= MAX_WATCHED) {
      if (!fullWarned) {
        fullWarned = true;
        log.warn(
            "{} tasks on queues no worker of this node serves are waiting; new ones are not"
                + " watched for stalls until some are claimed",
            MAX_WATCHED);
      }
      return;
    }
    watched.putIfAbsent(
        new TaskKey(runId, seq, kind),
        new Watched(new Group(kind, queue, type), visibleAt.plus(stallAfter)));
  }

  /**
   * Returns why a pending task waits with no worker to take it, or null: it is leased, has not
   * waited {@code stallAfter} yet, or this node serves its queue and type (a backlog, not a stall).
   */
  public String reason(
      TaskKind kind, String queue, String type, boolean leased, Instant visibleAt, Instant now) {
    if (leased || visibleAt.plus(stallAfter).isAfter(now) || serves(kind, queue, type)) {
      return null;
    }
    return "no worker on queue '"
        + queue
        + "' has polled for "
        + (kind == TaskKind.ACTIVITY ? "activity" : "workflow")
        + " type '"
        + type
        + "' in "
        + format(Duration.between(visibleAt, now))
        + " (waiting since "
        + visibleAt
        + "; "
        + served(kind, queue)
        + ")";
  }

  /** Checks the watched tasks that are due; returns how many are stalled now. */
  public int check() {
    Instant now = clock.now();
    int stalled = 0;
    for (Map.Entry<TaskKey, Watched> e : watched.entrySet()) {
      Watched w = e.getValue();
      if (!w.nextCheck.isAfter(now)) {
        examine(e.getKey(), w, now);
      }
      if (w.stalled) {
        stalled++;
      }
    }
    return stalled;
  }

  private void examine(TaskKey key, Watched w, Instant now) {
    Optional<Instant> waitingSince;
    try {
      waitingSince = unclaimedSince(key);
    } catch (RuntimeException e) {
      log.debug("cannot check task {} for a stall; will try again", key, e);
      w.nextCheck = now.plus(recheck());
      return;
    }
    if (waitingSince.isEmpty()) {
      watched.remove(key);
      setStalled(w, false);
      return;
    }
    Instant stallAt = waitingSince.get().plus(stallAfter);
    if (stallAt.isAfter(now)) {
      w.nextCheck = stallAt;
      setStalled(w, false);
      return;
    }
    w.nextCheck = now.plus(recheck());
    if (!w.stalled) {
      setStalled(w, true);
    }
  }

  /** Returns since when the task waits unclaimed, or empty if it is claimed or gone. */
  private Optional<Instant> unclaimedSince(TaskKey key) {
    if (key.kind() == TaskKind.WORKFLOW) {
      return store
          .findWorkflowTask(key.runId())
          .filter(t -> !t.isLeased())
          .map(WorkflowTaskRecord::visibleAt);
    }
    for (ActivityTaskState s : store.findActivityTasks(key.runId())) {
      if (s.task().seq() == key.seq()) {
        return s.isLeased() ? Optional.empty() : Optional.of(s.task().visibleAt());
      }
    }
    return Optional.empty();
  }

  private void setStalled(Watched w, boolean stalled) {
    if (w.stalled == stalled) {
      return;
    }
    w.stalled = stalled;
    AtomicInteger count = stalledByGroup.computeIfAbsent(w.group, this::newGroupCount);
    int after = stalled ? count.incrementAndGet() : count.decrementAndGet();
    if (stalled && after == 1) {
      Group g = w.group;
      log.warn(
          "no worker on queue '{}' has polled for {} type '{}' in {}: its tasks wait with no worker"
              + " to take them ({}); start a worker that registers it on that queue, or fix the"
              + " queue name",
          g.queue(),
          g.kind() == TaskKind.ACTIVITY ? "activity" : "workflow",
          g.type(),
          format(stallAfter),
          served(g.kind(), g.queue()));
    } else if (!stalled && after == 0) {
      log.info(
          "{} tasks of type '{}' on queue '{}' are no longer stalled",
          w.group.kind() == TaskKind.ACTIVITY ? "activity" : "workflow",
          w.group.type(),
          w.group.queue());
    }
  }

  private AtomicInteger newGroupCount(Group g) {
    AtomicInteger count = new AtomicInteger();
    if (meters != null) {
      Gauge.builder("weft.tasks.stalled", count, AtomicInteger::get)
          .description("tasks waiting longer than the stall time with no worker to take them")
          .tag("queue", g.queue())
          .tag("type", g.type())
          .tag("kind", g.kind() == TaskKind.ACTIVITY ? "activity" : "workflow")
          .register(meters);
    }
    return count;
  }

  /**
   * How soon a stalled task (or one whose check failed) is looked at again: once per stall time, so
   * that many stalled tasks cost few reads; the gauge and describe lag a worker's arrival by as
   * much.
   */
  private Duration recheck() {
    return stallAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : stallAfter;
  }

  private boolean serves(TaskKind kind, String queue, String type) {
    return registry
        .find(queue)
        .map(
            q ->
                kind == TaskKind.ACTIVITY
                    ? q.hasActivities() && q.activity(type) != null
                    : q.hasWorkflows() && q.workflow(type) != null)
        .orElse(false);
  }

  private String served(TaskKind kind, String queue) {
    Optional<QueueRegistration> q = registry.find(queue);
    boolean polls =
        q.map(r -> kind == TaskKind.ACTIVITY ? r.hasActivities() : r.hasWorkflows()).orElse(false);
    if (!polls) {
      return "this node does not poll queue '" + queue + "'";
    }
    return "this node polls queue '"
        + queue
        + "' for "
        + (kind == TaskKind.ACTIVITY ? q.get().activityTypes() : q.get().workflowTypes());
  }

  /** Formats a duration as Temporal's tools do: 1m, 90s, 2h5m. */
  static String format(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long rest = s % 60;
    return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (rest > 0 ? rest + "s" : "");
  }
}
