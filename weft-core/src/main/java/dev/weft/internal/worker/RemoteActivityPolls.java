package dev.weft.internal.worker;

import dev.weft.converter.Payload;
import dev.weft.engine.RemoteActivities;
import dev.weft.engine.RemoteActivityFailure;
import dev.weft.engine.RemoteActivityReport;
import dev.weft.engine.RemoteActivityReportOutcome;
import dev.weft.engine.RemoteActivityTask;
import dev.weft.engine.WeftClock;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.activity.TaskToken;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.TaskQueuePollers;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.FlowControlChange;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

/**
 * The engine's side of remote activity workers: a poll (of one task or a batch) claims through the
 * same store claim as the engine's pollers (lease from the task's timeouts, fencing token, attempt
 * count), limited to the worker's types, and waits on {@link RemotePollWakeups} between empty
 * claims, looking again at least every safety poll. Reports go through {@link ActivityCompletions}
 * ({@link RemoteReports} for completions and failures, one at a time or a batch at once), the path
 * of asynchronous completion, so outcomes, retries and fencing are the in-process ones.
 */
public final class RemoteActivityPolls implements RemoteActivities {
  private final Store store;
  private final WeftClock clock;
  private final Claims claims;
  private final RemotePollWakeups wakeups;
  private final TaskQueuePollers pollers;
  private final ActivityCompletions completions;
  private final RemoteReports reports;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final Duration safetyPoll;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  public RemoteActivityPolls(
      Store store,
      WeftClock clock,
      Claims claims,
      RemotePollWakeups wakeups,
      TaskQueuePollers pollers,
      ActivityCompletions completions,
      RemoteReports reports,
      PayloadConverter payloads,
      EventCodec codec,
      Duration safetyPoll) {
    this.store = store;
    this.clock = clock;
    this.claims = claims;
    this.wakeups = wakeups;
    this.pollers = pollers;
    this.completions = completions;
    this.reports = reports;
    this.payloads = payloads;
    this.codec = codec;
    this.safetyPoll = safetyPoll;
  }

  @Override
  public Optional<RemoteActivityTask> poll(
      String taskQueue, String identity, Set<String> activityTypes, Duration maxWait)
      throws InterruptedException {
    List<RemoteActivityTask> tasks = claimWaiting(taskQueue, identity, activityTypes, 1, maxWait);
    return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(0));
  }

  @Override
  public List<RemoteActivityTask> pollBatch(
      String taskQueue, String identity, Set<String> activityTypes, int maxTasks, Duration maxWait)
      throws InterruptedException {
    if (maxTasks < 1 || maxTasks > MAX_POLL_BATCH) {
      throw new IllegalArgumentException(
          "maxTasks must be from 1 to " + MAX_POLL_BATCH + ", was " + maxTasks);
    }
    return claimWaiting(taskQueue, identity, activityTypes, maxTasks, maxWait);
  }

  /** One claim of up to {@code max} tasks, then waits and claims again until some come or time. */
  private List<RemoteActivityTask> claimWaiting(
      String taskQueue, String identity, Set<String> activityTypes, int max, Duration maxWait)
      throws InterruptedException {
    requireName(taskQueue, "taskQueue");
    requireName(identity, "identity");
    if (maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be zero or positive, was " + maxWait);
    }
    Set<String> types = Set.copyOf(activityTypes);
    register(taskQueue);
    TaskQueuePollers.Seen seen = pollers.poller(taskQueue, "ACTIVITY", identity, true);
    long deadline = System.nanoTime() + maxWait.toNanos();
    boolean woken = false;
    while (true) {
      seen.polled(clock.now());
      long generation = wakeups.generation(taskQueue);
      // after a safety-poll timeout, claim regardless: tasks can become ready without a wake here
      if (!woken || !wakeups.knownEmpty(taskQueue, types, generation)) {
        List<ActivityTaskState> claimed = claim(taskQueue, identity, types, max, generation, woken);
        if (!claimed.isEmpty()) {
          return toTasks(claimed);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return List.of();
      }
      woken = wakeups.awaitChange(taskQueue, generation, Math.min(left, safetyPoll.toNanos()));
    }
  }

  /**
   * One claim for a poll. A woken poll claims while no other woken poll of this node claims for the
   * same queue and types: a commit that makes tasks ready wakes every poll of the queue, and each
   * would otherwise send its own claim to the store's writer at once, all but the first few finding
   * nothing (30 of 32 polls for a workflow's 10 activities). After waiting its turn, a woken poll
   * looks again whether a claim begun after it read {@code generation} found the queue empty, and
   * then skips its own. A poll that was not woken (its first claim, or after a safety-poll timeout)
   * claims at once and regardless, as before: tasks can become ready without a wake, and such
   * claims (a busy worker coming back for more) are not a herd.
   */
  private List<ActivityTaskState> claim(
      String taskQueue,
      String identity,
      Set<String> types,
      int max,
      long generation,
      boolean woken) {
    if (!woken) {
      return claimNow(taskQueue, identity, types, max, generation);
    }
    Lock lock = wakeups.claimLock(taskQueue, types);
    lock.lock();
    try {
      if (wakeups.knownEmpty(taskQueue, types, generation)) {
        return List.of();
      }
      return claimNow(taskQueue, identity, types, max, generation);
    } finally {
      lock.unlock();
    }
  }

  private List<ActivityTaskState> claimNow(
      String taskQueue, String identity, Set<String> types, int max, long generation) {
    List<ActivityTaskState> claimed = claims.activityTasks(taskQueue, identity, types, max);
    if (claimed.size() < max) {
      // fewer than asked for: the claim took all there was, as an empty claim finds nothing
      wakeups.claimedNothing(taskQueue, types, generation);
    }
    return claimed;
  }

  @Override
  public void complete(String taskToken, Payload result) {
    reports.complete(taskToken, result);
  }

  @Override
  public void fail(String taskToken, RemoteActivityFailure failure) {
    reports.fail(taskToken, failure);
  }

  @Override
  public List<RemoteActivityReportOutcome> completeBatch(
      List<? extends RemoteActivityReport> batch) {
    return reports.completeBatch(batch);
  }

  @Override
  public void reportCanceled(String taskToken) {
    completions.canceled(taskToken);
  }

  @Override
  public boolean heartbeat(String taskToken, Payload details) {
    return completions.heartbeatConverted(taskToken, details);
  }

  /**
   * Registers a queue the first time it is polled here, so that it can be paused and described like
   * a queue an in-process worker serves.
   */
  private void register(String taskQueue) {
    if (!registered.contains(taskQueue)) {
      store.changeFlowControl(new FlowControlChange.RegisterQueue(taskQueue));
      registered.add(taskQueue);
    }
  }

  private List<RemoteActivityTask> toTasks(List<ActivityTaskState> claimed) {
    if (claimed.size() == 1) {
      return List.of(toTask(claimed.get(0)));
    }
    List<RemoteActivityTask> tasks = new ArrayList<>(claimed.size());
    for (ActivityTaskState claim : claimed) {
      tasks.add(toTask(claim));
    }
    return List.copyOf(tasks);
  }

  private RemoteActivityTask toTask(ActivityTaskState claim) {
    ActivityTaskRecord t = claim.task();
    ActivitySpec spec = ActivitySpecCodec.decode(t.spec());
    Payload details =
        t.heartbeatDetails() == null
            ? null
            : payloads.open(codec.decodeValue(t.heartbeatDetails(), Payload.class));
    return new RemoteActivityTask(
        TaskToken.of(t.runId(), t.seq(), claim.leaseToken()),
        spec.namespace(),
        t.taskQueue(),
        t.activityType(),
        spec.workflowId(),
        t.runId(),
        Long.toString(t.seq()),
        t.attempt(),
        payloads.open(spec.input()),
        claim.startedAt(),
        claim.leaseUntil(),
        t.scheduleToCloseDeadline(),
        t.startToCloseTimeout(),
        t.heartbeatTimeout(),
        details);
  }

  private static void requireName(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
