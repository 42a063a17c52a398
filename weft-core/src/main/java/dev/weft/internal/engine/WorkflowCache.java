package dev.weft.internal.engine;

import dev.weft.internal.runtime.WorkflowRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sticky cache: runs kept in memory, parked, between workflow tasks, so the next task needs no
 * replay. Bounded by count, least recently used first out.
 *
 * <p>A run is also <em>held</em> by whoever works on it (a workflow task, an eager advance, a
 * query): {@link #take} marks it held until {@link #put} or {@link #release}, so one caller at a
 * time works on a run in this process, whether or not it was cached. Invariant: a held run is not
 * in the idle map.
 */
public final class WorkflowCache {

  /**
   * The outcome of {@link #take}.
   *
   * @param runner the cached state, or null if the caller must build it (or the run is busy)
   * @param busy whether another caller holds the run (the caller then holds nothing)
   */
  public record Taken(WorkflowRunner runner, boolean busy) {}

  private static final Taken BUSY = new Taken(null, true);

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final LinkedHashMap<String, WorkflowRunner> idle = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<String> held = new HashSet<>();

  public WorkflowCache(int capacity) {
    this.capacity = capacity;
  }

  /** Holds a run if nobody does: returns its cached state (or none), or busy. */
  public Taken take(String runId) {
    lock.lock();
    try {
      return takeLocked(runId);
    } finally {
      lock.unlock();
    }
  }

  /** Holds a run, waiting up to {@code wait} while another caller holds it. */
  public Taken take(String runId, Duration wait) throws InterruptedException {
    long left = wait.toNanos();
    lock.lock();
    try {
      while (held.contains(runId) && left > 0) {
        left = released.awaitNanos(left);
      }
      return takeLocked(runId);
    } finally {
      lock.unlock();
    }
  }

  private Taken takeLocked(String runId) {
    if (!held.add(runId)) {
      return BUSY;
    }
    return new Taken(idle.remove(runId), false);
  }

  /** Returns a held run to the cache; evicts the least recently used beyond capacity. */
  public void put(WorkflowRunner runner) {
    List<WorkflowRunner> evicted = new ArrayList<>();
    lock.lock();
    try {
      String runId = runner.info().runId();
      held.remove(runId);
      WorkflowRunner previous = idle.put(runId, runner);
      if (previous != null && previous != runner) {
        evicted.add(previous);
      }
      Iterator<Map.Entry<String, WorkflowRunner>> it = idle.entrySet().iterator();
      while (idle.size() > capacity && it.hasNext()) {
        evicted.add(it.next().getValue());
        it.remove();
      }
      released.signalAll();
    } finally {
      lock.unlock();
    }
    destroyLater(evicted);
  }

  /** Stops holding a run without caching it (the caller destroyed or never built its state). */
  public void release(String runId) {
    lock.lock();
    try {
      held.remove(runId);
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Drops a run's cached state (it closed, or its state is stale); a held run is left alone. */
  public void invalidate(String runId) {
    WorkflowRunner runner;
    lock.lock();
    try {
      runner = held.contains(runId) ? null : idle.remove(runId);
    } finally {
      lock.unlock();
    }
    if (runner != null) {
      destroyLater(List.of(runner));
    }
  }

  /** Returns the number of cached runs. */
  public int size() {
    lock.lock();
    try {
      return idle.size();
    } finally {
      lock.unlock();
    }
  }

  /** Drops every cached run and waits until their threads are unwound. */
  public void clear() {
    List<WorkflowRunner> all;
    lock.lock();
    try {
      all = new ArrayList<>(idle.values());
      idle.clear();
    } finally {
      lock.unlock();
    }
    all.forEach(WorkflowRunner::destroy);
  }

  private static void destroyLater(List<WorkflowRunner> runners) {
    if (!runners.isEmpty()) {
      Thread.ofVirtual().start(() -> runners.forEach(WorkflowRunner::destroy));
    }
  }
}
