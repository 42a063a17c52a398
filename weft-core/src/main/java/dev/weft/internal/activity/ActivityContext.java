package dev.weft.internal.activity;

import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityInfo;
import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of one running activity attempt, bound to its thread while it runs.
 *
 * <p><b>Heartbeats: the first is written at once, later ones at most once per interval, and the
 * latest details are flushed before the deadline.</b> The interval is half the heartbeat timeout
 * {@code T} (at most 30 s; 1 s without a heartbeat timeout, where a write only keeps the details
 * for the next attempt). A call within the interval after the last write only keeps its details
 * and, if none is scheduled yet, schedules a flush for the end of the interval ({@link
 * HeartbeatFlushes}), which writes the latest details then. So every call is written at most one
 * interval after it was made, and the invariant holds: <em>if {@code heartbeat()} was called at
 * least once every {@code c < T}, a write happened within {@code T} of every earlier one</em>,
 * whatever {@code c}: a write at {@code w} is followed by a flush at {@code w + T/2} when a call
 * came meanwhile, or else by the next call's own write, which comes before {@code w + c} (the call
 * that the write at {@code w} carried came before {@code w}). Half of {@code T}, not Temporal's
 * 80%, leaves half the timeout for the write's commit and for clock skew between the node that
 * writes and the node whose due loop checks the lease. A write that finds the lease lost (the
 * attempt timed out or its activity was cancelled) makes this and every later {@code heartbeat()}
 * throw {@link ActivityCanceledException}. So does a write that finds the cancel requested by a
 * workflow that waits for the attempt to stop ({@code WAIT_CANCELLATION_COMPLETED}); the attempt
 * keeps its task then, later calls still write (so a long cleanup that heartbeats keeps its lease),
 * and its outcome is recorded: throwing the exception records the activity as cancelled.
 *
 * <p>Thread-safety: {@code heartbeat} runs on the attempt's thread and a flush on a virtual thread;
 * both take the context's lock, which a store write holds so that writes land in call order.
 */
public final class ActivityContext {
  private static final Logger log = LoggerFactory.getLogger(ActivityContext.class);
  private static final ThreadLocal<ActivityContext> CURRENT = new ThreadLocal<>();

  private final ActivityInfo info;
  private final ActivityTaskState claim;
  private final Store store;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final HeartbeatFlushes flushes;
  private final Duration interval;
  private final ReentrantLock lock = new ReentrantLock();

  // guarded by lock
  private Payload details;
  private Instant lastWrite;
  private boolean unwritten;
  private ScheduledFuture<?> flush;
  private boolean finished;
  private volatile boolean leaseLost;
  private volatile boolean cancelRequested;
  private boolean completesLater;

  // the attempt's thread only; null until a write is added, so an attempt without any allocates
  // none
  private List<Write> completionWrites;

  ActivityContext(
      ActivityInfo info,
      ActivityTaskState claim,
      Store store,
      WeftClock clock,
      PayloadConverter payloads,
      EventCodec codec,
      HeartbeatFlushes flushes) {
    this.info = info;
    this.claim = claim;
    this.store = store;
    this.clock = clock;
    this.payloads = payloads;
    this.codec = codec;
    this.flushes = flushes;
    this.interval = intervalOf(claim == null ? null : claim.task().heartbeatTimeout());
    byte[] stored = claim == null ? null : claim.task().heartbeatDetails();
    this.details = stored == null ? null : codec.decodeValue(stored, Payload.class);
  }

  /** The context of a local activity attempt: no task row, so no heartbeats. */
  static ActivityContext local(ActivityInfo info, WeftClock clock, PayloadConverter payloads) {
    return new ActivityContext(info, null, null, clock, payloads, null, null);
  }

  /** Half the heartbeat timeout, at most 30 s; 1 s without one. */
  static Duration intervalOf(Duration heartbeatTimeout) {
    return heartbeatTimeout == null
        ? Duration.ofSeconds(1)
        : min(heartbeatTimeout.dividedBy(2), Duration.ofSeconds(30));
  }

  /** Returns the context of the attempt running on this thread. */
  public static ActivityContext current() {
    ActivityContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          "Activity methods can only be called from the thread that runs an activity attempt");
    }
    return context;
  }

  void bind() {
    CURRENT.set(this);
  }

  /** Unbinds the context from its thread and drops a flush still scheduled: the attempt is over. */
  void unbind() {
    CURRENT.remove();
    if (flushes == null) {
      return;
    }
    lock.lock();
    try {
      finished = true;
      if (flush != null) {
        flush.cancel(false);
        flush = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns what the attempt knows about itself. */
  public ActivityInfo info() {
    return info;
  }

  /**
   * Records a heartbeat: written at once when the last write is an interval old (or there was
   * none), otherwise kept and flushed at the end of the interval (see the class comment).
   *
   * @throws ActivityCanceledException when a write found the attempt's lease lost
   */
  public void heartbeat(Object value) {
    if (claim == null) {
      throw new IllegalStateException(
          "local activity '"
              + info.activityType()
              + "' cannot heartbeat: local activities run inside a workflow task and are meant"
              + " to be short; use a normal activity for long work");
    }
    if (leaseLost) {
      throw new ActivityCanceledException(info);
    }
    Payload encoded =
        payloads.encode(value, "heartbeat details of activity '" + info.activityType() + "'");
    lock.lock();
    try {
      details = encoded;
      Instant now = clock.now();
      if (lastWrite != null && Duration.between(lastWrite, now).compareTo(interval) < 0) {
        unwritten = true;
        if (flush == null) {
          flush =
              flushes.after(clock.realDelayUntil(lastWrite.plus(interval)), this::flushUnwritten);
        }
      } else {
        write(now);
      }
    } finally {
      lock.unlock();
    }
    // a kept call reports what the last write found (a flush's, perhaps), a written one its own
    if (leaseLost || cancelRequested) {
      throw new ActivityCanceledException(info);
    }
  }

  /**
   * Returns whether a heartbeat found the cancel requested by a workflow that waits for this
   * attempt to stop (the attempt still holds its task).
   */
  boolean cancelRequested() {
    return cancelRequested;
  }

  /** The scheduled flush: writes the details of the calls since the last write, if any. */
  private void flushUnwritten() {
    lock.lock();
    try {
      flush = null;
      if (unwritten && !finished && !leaseLost) {
        write(clock.now());
      }
    } catch (RuntimeException e) {
      log.warn(
          "heartbeat of activity {} of run {} not written; the next heartbeat writes it",
          info.seq(),
          info.runId(),
          e);
    } finally {
      lock.unlock();
    }
  }

  /** Writes the latest details and extends the lease; called with the lock held. */
  private void write(Instant now) {
    lastWrite = now;
    unwritten = false;
    HeartbeatResult result =
        store.recordHeartbeat(
            info.runId(),
            info.seq(),
            claim.leaseToken(),
            codec.encodeValue(details),
            leaseAfterHeartbeat(claim, now));
    if (result == HeartbeatResult.LEASE_LOST) {
      leaseLost = true;
    } else if (result == HeartbeatResult.CANCEL_REQUESTED) {
      cancelRequested = true;
    }
  }

  /**
   * Returns how long a heartbeat at {@code now} extends an attempt's lease: by its heartbeat
   * timeout, never past its start-to-close and schedule-to-close deadlines; without a heartbeat
   * timeout, the lease stays as it is.
   */
  public static Instant leaseAfterHeartbeat(ActivityTaskState claim, Instant now) {
    Duration hb = claim.task().heartbeatTimeout();
    if (hb == null) {
      return claim.leaseUntil();
    }
    Instant byHeartbeat = now.plus(hb);
    Instant cap = capOf(claim, now);
    return byHeartbeat.isBefore(cap) ? byHeartbeat : cap;
  }

  /** The latest the lease may reach: the start-to-close and schedule-to-close deadlines. */
  private static Instant capOf(ActivityTaskState claim, Instant now) {
    Instant cap = Instant.MAX;
    if (claim.task().startToCloseTimeout() != null) {
      cap = claim.startedAt().plus(claim.task().startToCloseTimeout());
    }
    Instant deadline = claim.task().scheduleToCloseDeadline();
    if (deadline != null && deadline.isBefore(cap)) {
      cap = deadline;
    }
    return cap.isBefore(now) ? now : cap;
  }

  /** Returns the latest heartbeat details (this attempt's or an earlier one's). */
  public Optional<Object> heartbeatDetails(Type type) {
    return details == null ? Optional.empty() : Optional.ofNullable(payloads.decode(details, type));
  }

  /** Marks the attempt as completed later by a client with its task token. */
  public void doNotCompleteOnReturn() {
    if (claim == null) {
      throw new IllegalStateException(
          "local activity '"
              + info.activityType()
              + "' cannot complete asynchronously: it has no task token");
    }
    if (completionWrites != null) {
      throw asyncWithWrites();
    }
    completesLater = true;
  }

  /**
   * Adds a store write to the transaction that records this attempt's successful completion (see
   * {@code Activity.commitWithCompletion}).
   *
   * @throws IllegalStateException for a local activity, or an attempt a client completes later
   * @throws IllegalArgumentException for a core write of the engine's own
   */
  public void commitWithCompletion(Write write) {
    if (write == null) {
      throw new IllegalArgumentException(
          "activity '" + info.activityType() + "' passed a null write to commitWithCompletion");
    }
    if (write.getClass().getDeclaringClass() == Write.class) {
      throw new IllegalArgumentException(
          "activity '"
              + info.activityType()
              + "' passed the core write "
              + write.getClass().getSimpleName()
              + " to commitWithCompletion: the engine's own writes are not offered; pass a write"
              + " of a store extension (e.g. the asset catalog's RecordMaterialization)");
    }
    if (claim == null) {
      throw new IllegalStateException(
          "local activity '"
              + info.activityType()
              + "' cannot commit a write with its completion: its result is recorded by the"
              + " workflow task that runs it, possibly again on replay; use a normal activity");
    }
    if (completesLater) {
      throw asyncWithWrites();
    }
    if (completionWrites == null) {
      completionWrites = new ArrayList<>(2);
    }
    completionWrites.add(write);
  }

  private IllegalStateException asyncWithWrites() {
    return new IllegalStateException(
        "activity '"
            + info.activityType()
            + "' (activity "
            + info.seq()
            + " of run "
            + info.runId()
            + ") cannot both commit writes with its completion and be completed later by task"
            + " token (doNotCompleteOnReturn): a completion by token does not carry writes");
  }

  /** Returns the writes added with {@link #commitWithCompletion}, in order; empty if none. */
  List<Write> completionWrites() {
    return completionWrites == null ? List.of() : List.copyOf(completionWrites);
  }

  /** Returns whether a client completes the attempt later. */
  boolean completesLater() {
    return completesLater;
  }

  /** Returns the latest heartbeat details as a payload, or null. */
  Payload latestDetails() {
    return details;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
