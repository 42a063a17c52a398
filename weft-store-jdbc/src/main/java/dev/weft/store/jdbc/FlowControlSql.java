package dev.weft.store.jdbc;

import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import dev.weft.store.TaskKind;
import dev.weft.store.UnknownTaskQueueException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The flow-control settings: queue registration, pauses, rate and key limits, and their reads. */
final class FlowControlSql {
  /**
   * The time a change announces the tasks it may release at: ready already. Not the wall clock
   * (changes carry no time), which a worker whose clock is behind it, a test's, would take for a
   * time to come and wait for.
   */
  private static final Instant READY = Instant.EPOCH;

  private FlowControlSql() {}

  /**
   * Applies a change; throws {@link UnknownTaskQueueException} (changing nothing) for a queue
   * nobody registered.
   */
  static void change(FlowControlChange change, Instant now, Statements st, Notifications notes)
      throws SQLException {
    if (change instanceof FlowControlChange.RegisterQueue r) {
      PreparedStatement ps =
          st.prepare(
              "INSERT INTO task_queues (task_queue, registered_at) VALUES (?, ?)"
                  + " ON CONFLICT (task_queue) DO NOTHING");
      ps.setString(1, r.taskQueue());
      Millis.set(ps, 2, now);
      ps.executeUpdate();
      return;
    }
    if (!isKnown(change.taskQueue(), st)) {
      throw new UnknownTaskQueueException(change.taskQueue(), queues(st));
    }
    switch (change) {
      case FlowControlChange.RegisterQueue r -> throw new AssertionError(r);
      case FlowControlChange.PauseQueue p -> {
        PreparedStatement ps =
            st.prepare(
                "INSERT INTO paused_queues (task_queue, paused_at, reason, identity)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (task_queue) DO NOTHING");
        ps.setString(1, p.taskQueue());
        setPause(ps, 2, p.pause());
        ps.executeUpdate();
      }
      case FlowControlChange.ResumeQueue r -> {
        PreparedStatement ps = st.prepare("DELETE FROM paused_queues WHERE task_queue = ?");
        ps.setString(1, r.taskQueue());
        if (ps.executeUpdate() > 0) {
          notes.tasksReady(TaskKind.WORKFLOW, r.taskQueue(), READY);
          notes.tasksReady(TaskKind.ACTIVITY, r.taskQueue(), READY);
        }
      }
      case FlowControlChange.PauseActivityType p -> {
        PreparedStatement ps =
            st.prepare(
                "INSERT INTO paused_activity_types"
                    + " (task_queue, activity_type, paused_at, reason, identity)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_queue, activity_type) DO NOTHING");
        ps.setString(1, p.taskQueue());
        ps.setString(2, p.activityType());
        setPause(ps, 3, p.pause());
        ps.executeUpdate();
      }
      case FlowControlChange.ResumeActivityType r -> {
        PreparedStatement ps =
            st.prepare(
                "DELETE FROM paused_activity_types WHERE task_queue = ? AND activity_type = ?");
        ps.setString(1, r.taskQueue());
        ps.setString(2, r.activityType());
        if (ps.executeUpdate() > 0) {
          notes.tasksReady(TaskKind.ACTIVITY, r.taskQueue(), READY);
        }
      }
      case FlowControlChange.SetQueueRate r -> {
        if (r.rate() == null) {
          PreparedStatement ps = st.prepare("DELETE FROM queue_rates WHERE task_queue = ?");
          ps.setString(1, r.taskQueue());
          ps.executeUpdate();
        } else {
          PreparedStatement ps =
              st.prepare(
                  "INSERT INTO queue_rates (task_queue, per_second, burst, tokens, refilled_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_queue) DO UPDATE SET"
                      + " per_second = excluded.per_second, burst = excluded.burst,"
                      + " tokens = excluded.tokens, refilled_at = excluded.refilled_at");
          ps.setString(1, r.taskQueue());
          ps.setDouble(2, r.rate().perSecond());
          ps.setInt(3, r.rate().burst());
          ps.setDouble(4, r.rate().burst());
          Millis.set(ps, 5, now);
          ps.executeUpdate();
        }
        notes.tasksReady(TaskKind.ACTIVITY, r.taskQueue(), READY);
      }
      case FlowControlChange.SetKeyLimit k -> {
        if (k.limit() == null) {
          PreparedStatement ps =
              st.prepare("DELETE FROM key_limits WHERE task_queue = ? AND fairness_key = ?");
          ps.setString(1, k.taskQueue());
          ps.setString(2, k.fairnessKey());
          ps.executeUpdate();
        } else {
          RateLimit rate = k.limit().rate();
          PreparedStatement ps =
              st.prepare(
                  "INSERT INTO key_limits (task_queue, fairness_key, max_running, per_second,"
                      + " burst, tokens, refilled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (task_queue, fairness_key) DO UPDATE SET"
                      + " max_running = excluded.max_running, per_second = excluded.per_second,"
                      + " burst = excluded.burst, tokens = excluded.tokens,"
                      + " refilled_at = excluded.refilled_at");
          ps.setString(1, k.taskQueue());
          ps.setString(2, k.fairnessKey());
          if (k.limit().maxRunning() == null) {
            ps.setNull(3, java.sql.Types.INTEGER);
          } else {
            ps.setInt(3, k.limit().maxRunning());
          }
          if (rate == null) {
            ps.setNull(4, java.sql.Types.DOUBLE);
            ps.setNull(5, java.sql.Types.INTEGER);
            ps.setNull(6, java.sql.Types.DOUBLE);
            ps.setNull(7, java.sql.Types.BIGINT);
          } else {
            ps.setDouble(4, rate.perSecond());
            ps.setInt(5, rate.burst());
            ps.setDouble(6, rate.burst());
            Millis.set(ps, 7, now);
          }
          ps.executeUpdate();
        }
        notes.tasksReady(TaskKind.ACTIVITY, k.taskQueue(), READY);
      }
    }
    notes.flowControlChanged();
  }

  private static void setPause(PreparedStatement ps, int from, Pause pause) throws SQLException {
    Millis.set(ps, from, pause.pausedAt());
    ps.setString(from + 1, pause.reason());
    ps.setString(from + 2, pause.identity());
  }

  static Pause pause(ResultSet rs, int from) throws SQLException {
    return new Pause(Millis.instant(rs, from), rs.getString(from + 1), rs.getString(from + 2));
  }

  static boolean isKnown(String taskQueue, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT 1 FROM task_queues WHERE task_queue = ?");
    ps.setString(1, taskQueue);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static Set<String> queues(Statements st) throws SQLException {
    Set<String> queues = new HashSet<>();
    try (ResultSet rs = st.prepare("SELECT task_queue FROM task_queues").executeQuery()) {
      while (rs.next()) {
        queues.add(rs.getString(1));
      }
    }
    return queues;
  }

  /** Reads all settings as one snapshot. */
  static FlowControl load(Statements st) throws SQLException {
    Map<String, Pause> pausedQueues = new HashMap<>();
    try (ResultSet rs =
        st.prepare("SELECT task_queue, paused_at, reason, identity FROM paused_queues")
            .executeQuery()) {
      while (rs.next()) {
        pausedQueues.put(rs.getString(1), pause(rs, 2));
      }
    }
    Map<String, Map<String, Pause>> pausedTypes = new HashMap<>();
    try (ResultSet rs =
        st.prepare(
                "SELECT task_queue, activity_type, paused_at, reason, identity"
                    + " FROM paused_activity_types")
            .executeQuery()) {
      while (rs.next()) {
        pausedTypes
            .computeIfAbsent(rs.getString(1), q -> new HashMap<>())
            .put(rs.getString(2), pause(rs, 3));
      }
    }
    Map<String, RateLimit> rates = new HashMap<>();
    try (ResultSet rs =
        st.prepare("SELECT task_queue, per_second, burst FROM queue_rates").executeQuery()) {
      while (rs.next()) {
        rates.put(rs.getString(1), new RateLimit(rs.getDouble(2), rs.getInt(3)));
      }
    }
    Map<String, Map<String, KeyLimit>> keyLimits = new HashMap<>();
    try (ResultSet rs =
        st.prepare(
                "SELECT task_queue, fairness_key, max_running, per_second, burst FROM key_limits")
            .executeQuery()) {
      while (rs.next()) {
        int max = rs.getInt(3);
        Integer maxRunning = rs.wasNull() ? null : max;
        double perSecond = rs.getDouble(4);
        RateLimit rate = rs.wasNull() ? null : new RateLimit(perSecond, rs.getInt(5));
        keyLimits
            .computeIfAbsent(rs.getString(1), q -> new HashMap<>())
            .put(rs.getString(2), new KeyLimit(maxRunning, rate));
      }
    }
    Map<String, Map<String, Pause>> types = new HashMap<>();
    pausedTypes.forEach((q, m) -> types.put(q, Map.copyOf(m)));
    Map<String, Map<String, KeyLimit>> keys = new HashMap<>();
    keyLimits.forEach((q, m) -> keys.put(q, Map.copyOf(m)));
    return new FlowControl(queues(st), pausedQueues, types, rates, keys);
  }

  static Optional<Pause> runPause(String runId, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare("SELECT paused_at, reason, identity FROM paused_runs WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(pause(rs, 1)) : Optional.empty();
    }
  }

  /**
   * A token bucket read for a claim: how many tokens it holds now (refilled since its last use, up
   * to its burst), and when the next one will be there.
   */
  record Bucket(double tokens, double perSecond, int burst) {
    static Bucket refill(double tokens, long refilledAt, double perSecond, int burst, Instant now) {
      double elapsed = Math.max(0, now.toEpochMilli() - refilledAt) / 1000.0;
      return new Bucket(Math.min(burst, tokens + elapsed * perSecond), perSecond, burst);
    }

    int whole() {
      return (int) Math.floor(tokens + 1e-9);
    }

    /** When one more token will be there after {@code taken} are spent. */
    Instant nextToken(Instant now, int taken) {
      double missing = 1 - (tokens - taken);
      long millis = (long) Math.ceil(Math.max(0, missing) / perSecond * 1000);
      return now.plusMillis(Math.max(1, millis));
    }
  }
}
