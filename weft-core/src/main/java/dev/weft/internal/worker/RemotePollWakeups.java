package dev.weft.internal.worker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the remote polls waiting on a queue when a commit makes activity tasks ready there. Any
 * number of polls wait on one queue, so each queue has a generation counter rather than a sticky
 * flag: a poll reads the generation before it claims, and after an empty claim waits only while the
 * generation is unchanged, so a commit between its claim and its wait is never missed.
 *
 * <p>A commit wakes every poll of its queue, but it may have made fewer tasks ready than there are
 * polls. So that the others do not each run an empty claim against the store, an empty claim is
 * remembered per queue and set of activity types with the generation read before it: a poll that
 * reads the same generation knows there is nothing for those types until the next commit moves it,
 * and waits without claiming. A claim that found fewer tasks than it asked for took all there were,
 * and records the same; a claim that got all it asked for records nothing (more may be ready).
 */
public final class RemotePollWakeups {
  private final Map<String, QueueSignal> queues = new ConcurrentHashMap<>();

  /** Returns the current generation of a queue's signal (read before claiming). */
  long generation(String taskQueue) {
    return signal(taskQueue).generation();
  }

  /**
   * Whether a claim for {@code types} on the queue, begun after {@code generation} was read, found
   * nothing: then no claim for those types can succeed before the generation moves.
   */
  boolean knownEmpty(String taskQueue, Set<String> types, long generation) {
    Long empty = signal(taskQueue).emptyAt.get(types);
    return empty != null && empty == generation;
  }

  /**
   * Records that a claim for {@code types}, begun after {@code generation} was read, left nothing:
   * it was empty, or took fewer tasks than it asked for.
   */
  void claimedNothing(String taskQueue, Set<String> types, long generation) {
    signal(taskQueue).emptyAt.merge(types, generation, Math::max);
  }

  /**
   * Waits up to {@code nanos} for the queue's generation to move past {@code seen}.
   *
   * @return whether it moved (a commit made tasks ready) before the time ran out
   */
  boolean awaitChange(String taskQueue, long seen, long nanos) throws InterruptedException {
    return signal(taskQueue).awaitChange(seen, nanos);
  }

  /**
   * The lock that lets one woken poll of this node at a time claim tasks of a queue for one set of
   * activity types (the polls a commit woke would otherwise all claim at once).
   */
  Lock claimLock(String taskQueue, Set<String> types) {
    return signal(taskQueue).claimLocks.computeIfAbsent(types, t -> new ReentrantLock());
  }

  /** Wakes the polls of one queue; a no-op when none waits there. */
  public void wake(String taskQueue) {
    QueueSignal q = queues.get(taskQueue);
    if (q != null) {
      q.advance();
    }
  }

  /** Wakes every waiting poll (a clock jump, missed notifications). */
  public void wakeAll() {
    queues.values().forEach(QueueSignal::advance);
  }

  private QueueSignal signal(String taskQueue) {
    return queues.computeIfAbsent(taskQueue, q -> new QueueSignal());
  }

  private static final class QueueSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Set<String>, Long> emptyAt = new ConcurrentHashMap<>();
    private final Map<Set<String>, Lock> claimLocks = new ConcurrentHashMap<>();
    private long generation;

    long generation() {
      lock.lock();
      try {
        return generation;
      } finally {
        lock.unlock();
      }
    }

    void advance() {
      lock.lock();
      try {
        generation++;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    boolean awaitChange(long seen, long nanos) throws InterruptedException {
      lock.lock();
      try {
        long left = nanos;
        while (generation == seen && left > 0) {
          left = changed.awaitNanos(left);
        }
        return generation != seen;
      } finally {
        lock.unlock();
      }
    }
  }
}
