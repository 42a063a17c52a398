package dev.weft.internal.worker;

import dev.weft.internal.runtime.WorkflowRunner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sticky cache: runs kept in memory, parked, between workflow tasks, so the next task needs no
 * replay. Bounded by count, least recently used first out. A run being executed is taken out of the
 * cache, which is how one task at a time per run is guaranteed in this process.
 */
public final class WorkflowCache {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, WorkflowRunner> idle = new LinkedHashMap<>(64, 0.75f, true);

  public WorkflowCache(int capacity) {
    this.capacity = capacity;
  }

  /** Takes a cached run out for exclusive use, or returns {@code null}. */
  public WorkflowRunner take(String runId) {
    lock.lock();
    try {
      return idle.remove(runId);
    } finally {
      lock.unlock();
    }
  }

  /** Returns a run to the cache after use; evicts the least recently used beyond capacity. */
  public void put(WorkflowRunner runner) {
    List<WorkflowRunner> evicted = new ArrayList<>();
    lock.lock();
    try {
      WorkflowRunner previous = idle.put(runner.info().runId(), runner);
      if (previous != null && previous != runner) {
        evicted.add(previous);
      }
      Iterator<Map.Entry<String, WorkflowRunner>> it = idle.entrySet().iterator();
      while (idle.size() > capacity && it.hasNext()) {
        evicted.add(it.next().getValue());
        it.remove();
      }
    } finally {
      lock.unlock();
    }
    destroyLater(evicted);
  }

  /** Drops a run (it closed, or its state is stale). */
  public void invalidate(String runId) {
    WorkflowRunner runner = take(runId);
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

  /** Drops every run and waits until their threads are unwound. */
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
