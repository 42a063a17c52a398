package dev.weft.internal.engine;

import dev.weft.engine.TaskQueuePoller;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who polled which queue on this node, and when last: the engine's own pollers and remote workers
 * (by identity). In memory only; an entry not refreshed for {@link #FORGET_AFTER} is left out of
 * descriptions and dropped. The engine's pollers each hold one entry and only store a time into it
 * per claim, so tracking costs them no allocation or lookup.
 */
public final class TaskQueuePollers {
  /** How long a poller that stopped polling is still shown. */
  public static final Duration FORGET_AFTER = Duration.ofMinutes(5);

  private final Map<Key, Seen> seen = new ConcurrentHashMap<>();

  /** A poller's entry: the time of its last poll. */
  public static final class Seen {
    private volatile Instant last;

    /** Records a poll at {@code now}. */
    public void polled(Instant now) {
      last = now;
    }
  }

  private record Key(String taskQueue, String kind, String identity, boolean remote) {}

  /** Returns the entry of a poller, made on first use. */
  public Seen poller(String taskQueue, String kind, String identity, boolean remote) {
    return seen.computeIfAbsent(new Key(taskQueue, kind, identity, remote), k -> new Seen());
  }

  /** Returns the pollers of a queue that polled in the last {@link #FORGET_AFTER}, latest first. */
  public List<TaskQueuePoller> of(String taskQueue, Instant now) {
    Instant cutoff = now.minus(FORGET_AFTER);
    seen.entrySet()
        .removeIf(
            e ->
                e.getKey().remote()
                    && e.getValue().last != null
                    && e.getValue().last.isBefore(cutoff));
    return seen.entrySet().stream()
        .filter(e -> e.getKey().taskQueue().equals(taskQueue))
        .filter(e -> e.getValue().last != null && !e.getValue().last.isBefore(cutoff))
        .map(
            e ->
                new TaskQueuePoller(
                    e.getKey().identity(),
                    e.getKey().kind(),
                    e.getKey().remote(),
                    e.getValue().last))
        .sorted(Comparator.comparing(TaskQueuePoller::lastPollTime).reversed())
        .toList();
  }
}
