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
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The context of one running activity attempt, bound to its thread while it runs. Heartbeats are
 * throttled: at most one store write per interval (80% of the heartbeat timeout, at most 1 s apart
 * when there is no heartbeat timeout), the latest details always kept for the next write.
 */
public final class ActivityContext {
  private static final ThreadLocal<ActivityContext> CURRENT = new ThreadLocal<>();

  private final ActivityInfo info;
  private final ActivityTaskState claim;
  private final Store store;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final Duration throttle;
  private Payload details;
  private Instant lastWrite;
  private boolean leaseLost;
  private boolean completesLater;

  ActivityContext(
      ActivityInfo info,
      ActivityTaskState claim,
      Store store,
      WeftClock clock,
      PayloadConverter payloads,
      EventCodec codec) {
    this.info = info;
    this.claim = claim;
    this.store = store;
    this.clock = clock;
    this.payloads = payloads;
    this.codec = codec;
    Duration hb = claim == null ? null : claim.task().heartbeatTimeout();
    this.throttle =
        hb == null
            ? Duration.ofSeconds(1)
            : min(hb.multipliedBy(8).dividedBy(10), Duration.ofSeconds(30));
    byte[] stored = claim == null ? null : claim.task().heartbeatDetails();
    this.details = stored == null ? null : codec.decodeValue(stored, Payload.class);
    this.lastWrite = claim == null ? null : claim.startedAt();
  }

  /** The context of a local activity attempt: no task row, so no heartbeats. */
  static ActivityContext local(ActivityInfo info, WeftClock clock, PayloadConverter payloads) {
    return new ActivityContext(info, null, null, clock, payloads, null);
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

  void unbind() {
    CURRENT.remove();
  }

  /** Returns what the attempt knows about itself. */
  public ActivityInfo info() {
    return info;
  }

  /** Records a heartbeat (throttled). */
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
    details = payloads.encode(value, "heartbeat details of activity '" + info.activityType() + "'");
    Instant now = clock.now();
    if (Duration.between(lastWrite, now).compareTo(throttle) < 0) {
      return;
    }
    lastWrite = now;
    Instant leaseUntil = leaseAfterHeartbeat(claim, now);
    HeartbeatResult result =
        store.recordHeartbeat(
            info.runId(), info.seq(), claim.leaseToken(), codec.encodeValue(details), leaseUntil);
    if (result == HeartbeatResult.LEASE_LOST) {
      leaseLost = true;
      throw new ActivityCanceledException(info);
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
    completesLater = true;
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
