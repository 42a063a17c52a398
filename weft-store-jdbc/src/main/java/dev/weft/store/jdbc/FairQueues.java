package dev.weft.store.jdbc;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stride scheduling of fairness keys: each task is queued with a <em>pass</em>, its key's virtual
 * time, and a queue hands out tasks in order of pass (within a priority level). A key's next pass
 * is its last pass, or the queue's virtual time if the key has fallen behind (it was idle), plus
 * {@code 1 / weight}. So a key with 100,000 tasks queued holds passes far ahead, and a quiet key's
 * new task lands just past the queue's current virtual time: it waits behind at most about one task
 * of each other busy key (scaled by the weights), never behind the whole backlog.
 *
 * <p>The queue's virtual time is the highest pass handed out so far; claims advance it.
 *
 * <p>A store one process owns keeps the last passes and virtual times it wrote in memory as well,
 * so queuing a task reads nothing: only this process writes them. Used only on the writer thread. A
 * transaction that fails after its writes leaves the memory a little ahead of the database, which
 * only moves that key's next tasks slightly back in line; the order is a scheduling hint, never a
 * condition of correctness.
 */
final class FairQueues {
  private final boolean cached;
  private final Map<String, Double> lastPasses = new HashMap<>();
  private final Map<String, Double> vtimes = new HashMap<>();

  /**
   * @param cached whether this process is the only writer of the store (then what it wrote is what
   *     the database holds)
   */
  FairQueues(boolean cached) {
    this.cached = cached;
  }

  static String code(TaskKind kind) {
    return kind == TaskKind.WORKFLOW ? "W" : "A";
  }

  /** Returns a pass allocation for one batch. */
  Allocation allocation() {
    return new Allocation();
  }

  /**
   * Passes for the tasks one batch queues: each (queue, key) is read once and its last pass written
   * once, at {@link #flush}, however many tasks of it the batch queues (a fan-out queues
   * thousands). Valid within one batch: no claim runs between its writes.
   */
  final class Allocation {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(TaskKind kind, String taskQueue, String fairnessKey, double[] last) {}

    /** Returns the pass of the next task of {@code scheduling} this batch queues. */
    double next(TaskKind kind, String taskQueue, TaskScheduling scheduling, Statements st)
        throws SQLException {
      String id = keyId(kind, taskQueue, scheduling.fairnessKey());
      Entry e = entries.get(id);
      if (e == null) {
        e =
            new Entry(
                kind,
                taskQueue,
                scheduling.fairnessKey(),
                new double[] {start(kind, taskQueue, scheduling.fairnessKey(), id, st)});
        entries.put(id, e);
      }
      e.last[0] += 1.0 / scheduling.fairnessWeight();
      return e.last[0];
    }

    /** Writes each key's last pass. */
    void flush(Statements st) throws SQLException {
      for (Entry e : entries.values()) {
        record(e.kind, e.taskQueue, e.fairnessKey, e.last[0], st);
      }
      entries.clear();
    }
  }

  private static String keyId(TaskKind kind, String taskQueue, String fairnessKey) {
    return code(kind) + '\u0000' + taskQueue + '\u0000' + fairnessKey;
  }

  private static String queueId(TaskKind kind, String taskQueue) {
    return code(kind) + '\u0000' + taskQueue;
  }

  /** The pass a key's next task starts from: its last pass, or the queue's virtual time. */
  private double start(
      TaskKind kind, String taskQueue, String fairnessKey, String id, Statements st)
      throws SQLException {
    if (cached) {
      Double last = lastPasses.get(id);
      Double vtime = vtimes.get(queueId(kind, taskQueue));
      if (last != null && vtime != null) {
        return Math.max(last, vtime);
      }
    }
    PreparedStatement read =
        st.prepare(
            "SELECT (SELECT vtime FROM queue_vtime WHERE kind = ? AND task_queue = ?),"
                + " (SELECT last_pass FROM fairness_passes"
                + " WHERE kind = ? AND task_queue = ? AND fairness_key = ?)");
    String k = code(kind);
    read.setString(1, k);
    read.setString(2, taskQueue);
    read.setString(3, k);
    read.setString(4, taskQueue);
    read.setString(5, fairnessKey);
    double vtime = 0;
    double last = 0;
    try (ResultSet rs = read.executeQuery()) {
      if (rs.next()) {
        vtime = rs.getDouble(1);
        last = rs.getDouble(2);
      }
    }
    if (cached) {
      vtimes.merge(queueId(kind, taskQueue), vtime, Math::max);
      lastPasses.merge(id, last, Math::max);
    }
    return Math.max(vtime, last);
  }

  private void record(
      TaskKind kind, String taskQueue, String fairnessKey, double pass, Statements st)
      throws SQLException {
    PreparedStatement write =
        st.prepare(
            "INSERT INTO fairness_passes (kind, task_queue, fairness_key, last_pass)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (kind, task_queue, fairness_key)"
                + " DO UPDATE SET last_pass = excluded.last_pass");
    write.setString(1, code(kind));
    write.setString(2, taskQueue);
    write.setString(3, fairnessKey);
    write.setDouble(4, pass);
    write.executeUpdate();
    if (cached) {
      lastPasses.put(keyId(kind, taskQueue, fairnessKey), pass);
    }
  }

  /**
   * Advances the queue's virtual time to {@code pass} (the highest pass a claim handed out), if it
   * is behind, and now and then forgets keys that have fallen behind it (their next pass starts
   * from the queue's virtual time anyway).
   */
  void advance(TaskKind kind, String taskQueue, double pass, Statements st) throws SQLException {
    String qid = queueId(kind, taskQueue);
    if (cached) {
      Double known = vtimes.get(qid);
      if (known != null && known >= pass) {
        return;
      }
    }
    String k = code(kind);
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO queue_vtime (kind, task_queue, vtime) VALUES (?, ?, ?)"
                + " ON CONFLICT (kind, task_queue) DO UPDATE SET vtime = excluded.vtime"
                + " WHERE queue_vtime.vtime < excluded.vtime");
    ps.setString(1, k);
    ps.setString(2, taskQueue);
    ps.setDouble(3, pass);
    int changed = ps.executeUpdate();
    if (cached) {
      vtimes.merge(qid, pass, Math::max);
    }
    if (changed > 0 && ThreadLocalRandom.current().nextInt(32) == 0) {
      // now and then: the table only needs keys still ahead of the queue
      PreparedStatement forget =
          st.prepare(
              "DELETE FROM fairness_passes WHERE kind = ? AND task_queue = ? AND last_pass <= ?");
      forget.setString(1, k);
      forget.setString(2, taskQueue);
      forget.setDouble(3, pass - 1.0 / TaskScheduling.MAX_WEIGHT);
      forget.executeUpdate();
      if (cached) {
        String prefix = qid + '\u0000';
        lastPasses.keySet().removeIf(id -> id.startsWith(prefix) && lastPasses.get(id) <= pass);
      }
    }
  }
}
