package dev.weft.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The limits one activity claim works within, read in the claim's transaction: the queue's token
 * bucket, and each limited key's running count and token bucket. The claim takes tasks only as far
 * as they allow, then writes the buckets back; since every claim does this in its transaction
 * (which the store serializes per queue), the limits hold across all workers and nodes.
 */
final class ActivityLimits {
  /**
   * How soon a claim that found a key at its concurrency limit looks again: the store does not know
   * when another node's attempt ends, so workers re-check at this pace while such a key waits.
   */
  static final Duration CONCURRENCY_RECHECK = Duration.ofMillis(50);

  private final String taskQueue;
  private final FlowControlSql.Bucket queueBucket;
  private final Map<String, KeyState> keys;
  private final Set<String> blocked = new HashSet<>();
  private boolean refusedByConcurrency;
  private boolean refusedByRate;

  private static final class KeyState {
    final Integer maxRunning;
    int running;
    final FlowControlSql.Bucket bucket;
    int taken;

    KeyState(Integer maxRunning, int running, FlowControlSql.Bucket bucket) {
      this.maxRunning = maxRunning;
      this.running = running;
      this.bucket = bucket;
    }
  }

  private ActivityLimits(
      String taskQueue, FlowControlSql.Bucket queueBucket, Map<String, KeyState> keys) {
    this.taskQueue = taskQueue;
    this.queueBucket = queueBucket;
    this.keys = keys;
    keys.forEach(
        (key, state) -> {
          if (!allows(state)) {
            blocked.add(key);
          }
        });
  }

  /** The limits of a queue that has none. */
  static ActivityLimits none(String taskQueue) {
    return new ActivityLimits(taskQueue, null, new HashMap<>());
  }

  /**
   * Reads a queue's limits and its keys' running counts. Where many processes claim, the limit rows
   * stay locked until the claim commits (in key order, so two claims never wait for each other in a
   * circle): claims of a limited queue take turns, so two nodes cannot both see room for the last
   * task a limit allows.
   */
  static ActivityLimits load(String taskQueue, Instant now, Dialect dialect, Statements st)
      throws SQLException {
    FlowControlSql.Bucket queueBucket = null;
    PreparedStatement q =
        st.prepare(
            "SELECT per_second, burst, tokens, refilled_at FROM queue_rates WHERE task_queue = ?"
                + dialect.rowLockClause());
    q.setString(1, taskQueue);
    try (ResultSet rs = q.executeQuery()) {
      if (rs.next()) {
        queueBucket =
            FlowControlSql.Bucket.refill(
                rs.getDouble(3), rs.getLong(4), rs.getDouble(1), rs.getInt(2), now);
      }
    }
    Map<String, KeyState> keys = new HashMap<>();
    PreparedStatement k =
        st.prepare(
            "SELECT fairness_key, max_running, per_second, burst, tokens, refilled_at"
                + " FROM key_limits WHERE task_queue = ? ORDER BY fairness_key"
                + dialect.rowLockClause());
    k.setString(1, taskQueue);
    Map<String, Integer> maxRunning = new HashMap<>();
    try (ResultSet rs = k.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(1);
        int max = rs.getInt(2);
        Integer limit = rs.wasNull() ? null : max;
        double perSecond = rs.getDouble(3);
        FlowControlSql.Bucket bucket =
            rs.wasNull()
                ? null
                : FlowControlSql.Bucket.refill(
                    rs.getDouble(5), rs.getLong(6), perSecond, rs.getInt(4), now);
        keys.put(key, new KeyState(limit, 0, bucket));
        if (limit != null) {
          maxRunning.put(key, limit);
        }
      }
    }
    if (!maxRunning.isEmpty()) {
      PreparedStatement running =
          st.prepare(
              "SELECT COUNT(*) FROM activity_tasks WHERE task_queue = ? AND fairness_key = ?"
                  // the partial index's condition, word for word, so that it applies
                  + " AND lease_owner IS NOT NULL AND fairness_key <> ''");
      for (String key : maxRunning.keySet()) {
        running.setString(1, taskQueue);
        running.setString(2, key);
        try (ResultSet rs = running.executeQuery()) {
          rs.next();
          keys.get(key).running = rs.getInt(1);
        }
      }
    }
    return new ActivityLimits(taskQueue, queueBucket, keys);
  }

  /** How many tasks the queue's rate limit allows now. */
  int queueBudget() {
    return queueBucket == null ? Integer.MAX_VALUE : queueBucket.whole();
  }

  /** When the queue's bucket has its next token. */
  Instant nextQueueToken(Instant now) {
    return queueBucket.nextToken(now, 0);
  }

  /** The keys that may not start a task now; the claim leaves their tasks out. */
  Set<String> blocked() {
    return blocked;
  }

  /** Takes one task of {@code key} if its limits allow; otherwise blocks the key for this claim. */
  boolean admit(String key) {
    KeyState state = keys.get(key);
    if (state == null) {
      return true;
    }
    if (!allows(state)) {
      if (state.maxRunning != null && state.running >= state.maxRunning) {
        refusedByConcurrency = true;
      } else {
        refusedByRate = true;
      }
      blocked.add(key);
      return false;
    }
    state.running++;
    state.taken++;
    return true;
  }

  private static boolean allows(KeyState state) {
    return (state.maxRunning == null || state.running < state.maxRunning)
        && (state.bucket == null || state.taken < state.bucket.whole());
  }

  /** Writes the buckets back: what they held at {@code now}, less what this claim took. */
  void save(int takenFromQueue, Instant now, Statements st) throws SQLException {
    if (queueBucket != null) {
      PreparedStatement ps =
          st.prepare("UPDATE queue_rates SET tokens = ?, refilled_at = ? WHERE task_queue = ?");
      ps.setDouble(1, queueBucket.tokens() - takenFromQueue);
      Millis.set(ps, 2, now);
      ps.setString(3, taskQueue);
      ps.executeUpdate();
    }
    PreparedStatement ps = null;
    for (Map.Entry<String, KeyState> e : keys.entrySet()) {
      FlowControlSql.Bucket bucket = e.getValue().bucket;
      if (bucket == null) {
        continue;
      }
      if (ps == null) {
        ps =
            st.prepare(
                "UPDATE key_limits SET tokens = ?, refilled_at = ?"
                    + " WHERE task_queue = ? AND fairness_key = ?");
      }
      ps.setDouble(1, bucket.tokens() - e.getValue().taken);
      Millis.set(ps, 2, now);
      ps.setString(3, taskQueue);
      ps.setString(4, e.getKey());
      ps.executeUpdate();
    }
  }

  /**
   * When workers should claim again because a limit, not an empty queue, held tasks back: at the
   * next token of a bucket that ran dry, or soon for a key at its concurrency limit; null if no
   * limit held anything back.
   */
  Instant recheckAt(Instant now, boolean queueBudgetSpent, Statements st) throws SQLException {
    Instant at = null;
    if (queueBudgetSpent && queueBucket != null) {
      at = queueBucket.nextToken(now, queueBudget());
    }
    if (refusedByRate || (!blocked.isEmpty() && !refusedByConcurrency)) {
      for (KeyState state : keys.values()) {
        if (state.bucket != null && state.taken >= state.bucket.whole()) {
          Instant next = state.bucket.nextToken(now, state.taken);
          at = at == null || next.isBefore(at) ? next : at;
        }
      }
    }
    if ((refusedByConcurrency || blockedByConcurrency()) && blockedKeysWaiting(now, st)) {
      Instant next = now.plus(CONCURRENCY_RECHECK);
      at = at == null || next.isBefore(at) ? next : at;
    }
    return at;
  }

  /** Whether a blocked key has a task ready (else nothing is held back, and nobody need look). */
  private boolean blockedKeysWaiting(Instant now, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT 1 FROM activity_tasks WHERE task_queue = ? AND lease_owner IS NULL"
                + " AND visible_at <= ? AND fairness_key IN ("
                + "?, ".repeat(blocked.size() - 1)
                + "?) LIMIT 1");
    ps.setString(1, taskQueue);
    Millis.set(ps, 2, now);
    int p = 3;
    for (String key : blocked) {
      ps.setString(p++, key);
    }
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private boolean blockedByConcurrency() {
    for (String key : blocked) {
      KeyState state = keys.get(key);
      if (state.maxRunning != null && state.running >= state.maxRunning) {
        return true;
      }
    }
    return false;
  }
}
