package dev.weft.store.jdbc;

import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rule against starvation between priority levels. A claim takes the best level first (in the
 * order of its fairness passes), then the next levels. Each level counts how many tasks of better
 * levels this node has handed out since the level last had its turn; once that count reaches {@link
 * #PASSED_OVER_LIMIT}, the claim first takes the level's next waiting task (if it has one), and the
 * count starts again. So a level with tasks waiting gets at least one task in every {@code
 * PASSED_OVER_LIMIT + 1} a node hands out from the queue, however busy the levels above it are, and
 * is otherwise served strictly after them.
 *
 * <p>The counts are this store instance's (one per node), kept in memory: the rule is a bound per
 * node, which needs no shared writes on every claim.
 */
final class PriorityLevels {
  /** How many tasks of better levels may go out past a waiting level before it gets one. */
  static final int PASSED_OVER_LIMIT = 20;

  private static final int LEVELS = TaskScheduling.LOWEST_PRIORITY;

  private final Map<String, int[]> counts = new ConcurrentHashMap<>();

  /** Reads up to {@code limit} ready candidates of one level, in pass order. */
  interface LevelProbe<T> {
    List<T> read(int priority, int limit) throws SQLException;
  }

  /**
   * Returns the levels whose turn has come, in order (worst last): the claim takes one waiting task
   * of each before anything else, as far as its {@code maxTasks} allows. A level keeps its turn
   * until a task of it is handed out ({@link #handedOut}) or none of it is found waiting ({@link
   * #nothingWaiting}), so a turn a full claim had no room for goes to the next claim.
   */
  List<Integer> due(TaskKind kind, String taskQueue) {
    int[] c = counts.get(key(kind, taskQueue));
    if (c == null) {
      return List.of();
    }
    List<Integer> due = new ArrayList<>(0);
    for (int level = 2; level <= LEVELS; level++) {
      if (c[level] >= PASSED_OVER_LIMIT) {
        due.add(level);
      }
    }
    return due;
  }

  /** Starts the count of a level again whose turn came with no task of it waiting. */
  void nothingWaiting(TaskKind kind, String taskQueue, int level) {
    int[] c = counts.get(key(kind, taskQueue));
    if (c != null) {
      c[level] = 0;
    }
  }

  /** Counts the tasks a claim handed out against the levels they went past. */
  <T> void handedOut(
      TaskKind kind, String taskQueue, List<T> tasks, Function<T, Integer> priorityOf) {
    if (tasks.isEmpty()) {
      return;
    }
    int[] c = counts.computeIfAbsent(key(kind, taskQueue), k -> new int[LEVELS + 1]);
    for (T task : tasks) {
      int priority = priorityOf.apply(task);
      for (int level = priority + 1; level <= LEVELS; level++) {
        c[level]++;
      }
      c[priority] = 0;
    }
  }

  private static String key(TaskKind kind, String taskQueue) {
    return FairQueues.code(kind) + taskQueue;
  }
}
