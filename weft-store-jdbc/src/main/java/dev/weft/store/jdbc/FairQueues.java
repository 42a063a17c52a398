package dev.weft.store.jdbc;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Stride scheduling of fairness keys: each task is queued with a <em>pass</em>, its key's virtual
 * time, and a queue hands out tasks in order of pass within a priority level. A key's next pass is
 * its last pass, or the level's virtual time if the key has fallen behind (it was idle), plus
 * {@code 1 / weight}. So a key with 100,000 tasks queued holds passes far ahead, and a quiet key's
 * new task lands just past the level's current virtual time: it waits behind at most about one task
 * of each other busy key (scaled by the weights), never behind the whole backlog. Each priority
 * level of a queue has its own virtual time: passes are only ever compared within a level.
 *
 * <p>The figures live in this process's memory, never in a shared row: per level, the highest pass
 * its claims handed out (the virtual time) and each key's last pass, loaded from the waiting tasks
 * the first time the process touches the level. Queuing a task then reads and writes nothing
 * besides the task. (Counter rows in the database, written by every transaction that queued or
 * claimed a task, made the writers of all nodes wait for, and deadlock on, the same few rows; and
 * reading the figures from the tasks' indexes on every step walked about a thousand index entries
 * of tasks already claimed.)
 *
 * <ul>
 *   <li><b>One process</b> (SQLite) writes every task and makes every claim, so its memory is
 *       exact.
 *   <li><b>Many processes</b> (PostgreSQL): each node counts the tasks it queues itself, and moves
 *       its virtual time up to what its own claims hand out and, at most every {@link #REFRESH}, to
 *       the lowest pass still waiting (so a node that only starts workflows keeps up). A quiet key
 *       still lands just past the current turn on every node; a busy key queued from several nodes
 *       at once advances on each only by that node's share, so it gets up to that many times its
 *       weight. The order is a scheduling hint, never a condition of correctness.
 * </ul>
 *
 * <p>A transaction that fails after its writes leaves the memory a little ahead of the database,
 * which only moves that key's next tasks slightly back in line. Thread-safe: on PostgreSQL the
 * writer queues tasks while the claim writer hands them out.
 */
final class FairQueues {
  /** How often a node of a shared store reads a level's lowest waiting pass. */
  static final Duration REFRESH = Duration.ofSeconds(1);

  private final boolean exclusive;
  private final Lock lock = new ReentrantLock();
  private final Map<String, Level> levels = new HashMap<>();

  /** What this process knows of one priority level of one queue (guarded by {@code lock}). */
  private static final class Level {
    double vtime;
    long refreshedAt = System.nanoTime();
    final Map<String, Double> lastPasses = new HashMap<>();
  }

  /**
   * @param exclusive whether this process is the only writer of the store (then what it wrote is
   *     what the database holds)
   */
  FairQueues(boolean exclusive) {
    this.exclusive = exclusive;
  }

  static String code(TaskKind kind) {
    return kind == TaskKind.WORKFLOW ? "W" : "A";
  }

  /** Returns a pass allocation for one batch. */
  Allocation allocation() {
    return new Allocation();
  }

  /**
   * Passes for the tasks one batch queues: each (queue, level, key) is looked up once and its last
   * pass remembered once, at {@link #flush}, however many tasks of it the batch queues (a fan-out
   * queues thousands). Valid within one batch: no claim runs between its writes.
   */
  final class Allocation {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(String levelId, String fairnessKey, double[] last) {}

    /** Returns the pass of the next task of {@code scheduling} this batch queues. */
    double next(TaskKind kind, String taskQueue, TaskScheduling scheduling, Statements st)
        throws SQLException {
      String levelId = levelId(kind, taskQueue, scheduling.priority());
      String id = levelId + '\u0000' + scheduling.fairnessKey();
      Entry e = entries.get(id);
      if (e == null) {
        double start = start(kind, taskQueue, levelId, scheduling, st);
        e = new Entry(levelId, scheduling.fairnessKey(), new double[] {start});
        entries.put(id, e);
      }
      e.last[0] += 1.0 / scheduling.fairnessWeight();
      return e.last[0];
    }

    /** Remembers each key's last pass. */
    void flush() {
      if (entries.isEmpty()) {
        return;
      }
      lock.lock();
      try {
        for (Entry e : entries.values()) {
          Level level = levels.get(e.levelId);
          if (level != null) {
            level.lastPasses.merge(e.fairnessKey, e.last[0], Math::max);
          }
        }
      } finally {
        lock.unlock();
      }
      entries.clear();
    }
  }

  private static String levelId(TaskKind kind, String taskQueue, int priority) {
    return code(kind) + priority + '\u0000' + taskQueue;
  }

  /** The pass a key's next task starts from: its last pass, or the level's virtual time. */
  private double start(
      TaskKind kind, String taskQueue, String levelId, TaskScheduling scheduling, Statements st)
      throws SQLException {
    Level level = level(kind, taskQueue, levelId, scheduling.priority(), st);
    lock.lock();
    try {
      Double last = level.lastPasses.get(scheduling.fairnessKey());
      return last == null ? level.vtime : Math.max(last, level.vtime);
    } finally {
      lock.unlock();
    }
  }

  /** The level, loaded on first touch and, in a shared store, its virtual time kept up. */
  private Level level(TaskKind kind, String taskQueue, String levelId, int priority, Statements st)
      throws SQLException {
    Level level;
    boolean stale;
    lock.lock();
    try {
      level = levels.get(levelId);
      stale =
          level != null && !exclusive && System.nanoTime() - level.refreshedAt > REFRESH.toNanos();
      if (stale) {
        level.refreshedAt = System.nanoTime();
      }
    } finally {
      lock.unlock();
    }
    if (level == null) {
      Level loaded = load(kind, taskQueue, priority, st);
      lock.lock();
      try {
        return levels.computeIfAbsent(levelId, id -> loaded);
      } finally {
        lock.unlock();
      }
    }
    if (stale) {
      PreparedStatement ps = st.prepare("SELECT MIN(pass)" + waiting(kind));
      ps.setString(1, taskQueue);
      ps.setInt(2, priority);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        double lowest = rs.getDouble(1);
        if (!rs.wasNull()) {
          lock.lock();
          try {
            level.vtime = Math.max(level.vtime, turnBefore(lowest));
          } finally {
            lock.unlock();
          }
        }
      }
    }
    return level;
  }

  /** The tasks still waiting in a level, as SQL (their table and condition). */
  private static String waiting(TaskKind kind) {
    return kind == TaskKind.WORKFLOW
        ? " FROM workflow_tasks WHERE task_queue = ? AND priority = ?"
        : " FROM activity_tasks WHERE task_queue = ? AND priority = ? AND lease_owner IS NULL";
  }

  /**
   * First touch of a level since the process started: its virtual time is just below the lowest
   * pass still waiting, each key's last pass the highest of its tasks still waiting (one scan).
   */
  private static Level load(TaskKind kind, String taskQueue, int priority, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT fairness_key, MIN(pass), MAX(pass)" + waiting(kind) + " GROUP BY fairness_key");
    ps.setString(1, taskQueue);
    ps.setInt(2, priority);
    Level level = new Level();
    boolean any = false;
    double lowest = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lowest = any ? Math.min(lowest, rs.getDouble(2)) : rs.getDouble(2);
        any = true;
        level.lastPasses.put(rs.getString(1), rs.getDouble(3));
      }
    }
    level.vtime = any ? turnBefore(lowest) : 0;
    return level;
  }

  /**
   * The virtual time when {@code lowestWaiting} is the lowest pass waiting: the pass handed out
   * last was at least one smallest stride below it, so an idle key's task lands right after that
   * task.
   */
  private static double turnBefore(double lowestWaiting) {
    return lowestWaiting - 1.0 / TaskScheduling.MAX_WEIGHT;
  }

  /**
   * Records that a claim handed out {@code picked}: each level's virtual time moves up to the
   * highest pass handed out from it (one process only), and now and then the keys that have fallen
   * behind it are forgotten (their next pass starts from the virtual time anyway).
   */
  <T> void handedOut(
      TaskKind kind,
      String taskQueue,
      List<T> picked,
      ToIntFunction<T> priority,
      ToDoubleFunction<T> pass) {
    boolean prune = ThreadLocalRandom.current().nextInt(32) == 0;
    lock.lock();
    try {
      for (T task : picked) {
        Level level = levels.get(levelId(kind, taskQueue, priority.applyAsInt(task)));
        if (level != null) {
          level.vtime = Math.max(level.vtime, pass.applyAsDouble(task));
          if (prune) {
            double vtime = level.vtime;
            level.lastPasses.values().removeIf(last -> last <= vtime);
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
