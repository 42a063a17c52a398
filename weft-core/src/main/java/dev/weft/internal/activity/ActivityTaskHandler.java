package dev.weft.internal.activity;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityInfo;
import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.ApplicationFailure;
import dev.weft.history.Failure;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.QueueRegistration.ActivityRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed activity attempt and commits its outcome. The commit is fenced by the claim's
 * lease token: if the attempt timed out or was cancelled meanwhile, its result is discarded. An
 * attempt that stops with {@link ActivityCanceledException} after a heartbeat told it that its
 * workflow requested the cancel and waits for it is recorded as cancelled.
 */
public final class ActivityTaskHandler {
  private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

  private final Registry registry;
  private final Store store;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final EventCodec codec;
  private final String nodeId;
  private final ActivityOutcomes outcomes;
  private final HeartbeatFlushes flushes;
  private final EngineMetrics metrics;

  /**
   * @param nodeId this node's name, in the failure of an activity type it does not serve
   * @param flushes where attempts schedule the deferred writes of their throttled heartbeats
   */
  public ActivityTaskHandler(
      Registry registry,
      Store store,
      WeftClock clock,
      PayloadConverter payloads,
      EventCodec codec,
      String nodeId,
      ActivityOutcomes outcomes,
      HeartbeatFlushes flushes,
      EngineMetrics metrics) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
    this.payloads = payloads;
    this.codec = codec;
    this.nodeId = nodeId;
    this.outcomes = outcomes;
    this.flushes = flushes;
    this.metrics = metrics;
  }

  /**
   * Runs the attempt and records its outcome.
   *
   * @param known the task's spec when the caller has it in memory, or null to decode it
   * @param codeReturned called once the activity's code has returned or thrown, before the outcome
   *     is recorded
   */
  public void handle(ActivityTaskState claim, ActivitySpec known, Runnable codeReturned) {
    ActivityTaskRecord task = claim.task();
    ActivitySpec spec = known != null ? known : ActivitySpecCodec.decode(task.spec());
    ActivityRegistration registration =
        registry.find(task.taskQueue()).map(q -> q.activity(task.activityType())).orElse(null);
    if (registration == null) {
      codeReturned.run();
      outcomes.record(
          outcomes.failed(claim, spec, notRegistered(task), null, clock.now()), clock.now());
      return;
    }
    ActivityContext context = contextOf(claim, spec);
    ActivityOutcomes.Outcome outcome = run(claim, spec, registration, context);
    if (outcome == null) {
      return;
    }
    codeReturned.run();
    try {
      outcomes.record(outcome, clock.now());
    } catch (CompletionWritesFailedException e) {
      // the completion and its writes rolled back together: the attempt fails instead
      log.debug("activity {} of run {}: {}", task.seq(), task.runId(), e.getMessage());
      Failure failure =
          FailureConverter.toFailure(
              ApplicationFailure.newFailure(e.getMessage(), Activity.COMPLETION_WRITE_FAILED));
      outcomes.record(
          outcomes.failed(claim, spec, failure, context.latestDetails(), clock.now()), clock.now());
    }
  }

  private ActivityContext contextOf(ActivityTaskState claim, ActivitySpec spec) {
    ActivityTaskRecord task = claim.task();
    ActivityInfo info =
        new ActivityInfo(
            task.activityType(),
            task.taskQueue(),
            spec.workflowId(),
            task.runId(),
            task.seq(),
            task.attempt(),
            claim.startedAt(),
            TaskToken.of(task.runId(), task.seq(), claim.leaseToken()),
            false);
    return new ActivityContext(info, claim, store, clock, payloads, codec, flushes);
  }

  /** Runs the attempt; returns its outcome, or null if the attempt lost its task. */
  private ActivityOutcomes.Outcome run(
      ActivityTaskState claim,
      ActivitySpec spec,
      ActivityRegistration registration,
      ActivityContext context) {
    ActivityTaskRecord task = claim.task();
    Method method = registration.method();
    metrics.activityStarted(task, claim.startedAt());
    long started = metrics.started();
    context.bind();
    try {
      Object[] args = registration.arguments(payloads, spec.input());
      Object value = method.invoke(registration.implementation(), args);
      if (context.completesLater()) {
        log.debug(
            "activity {} of run {} will be completed by a client with its task token",
            task.seq(),
            task.runId());
        return null;
      }
      Payload result = payloads.encode(value, "result of activity '" + task.activityType() + "'");
      return outcomes.completed(claim, spec, result, context.completionWrites(), clock.now());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ActivityCanceledException) {
        if (context.cancelRequested()) {
          // its workflow waits for it to stop: the attempt still holds the task and says so
          return outcomes.canceled(claim, spec, clock.now());
        }
        log.debug("activity {} of run {} stopped: lease lost", task.seq(), task.runId());
        return null;
      }
      return failed(claim, spec, e.getCause(), context);
    } catch (IllegalAccessException e) {
      return failed(claim, spec, e, context);
    } catch (RuntimeException e) {
      return failed(claim, spec, e, context);
    } finally {
      context.unbind();
      metrics.activityExecuted(task, started);
    }
  }

  private ActivityOutcomes.Outcome failed(
      ActivityTaskState claim, ActivitySpec spec, Throwable cause, ActivityContext context) {
    Instant now = clock.now();
    log.debug(
        "activity {} of run {} attempt {} failed",
        claim.task().seq(),
        claim.task().runId(),
        claim.task().attempt(),
        cause);
    return outcomes.failed(
        claim, spec, FailureConverter.toFailure(cause), context.latestDetails(), now);
  }

  private Failure notRegistered(ActivityTaskRecord task) {
    Set<String> known =
        registry.find(task.taskQueue()).map(QueueRegistration::activityTypes).orElse(Set.of());
    return FailureConverter.toFailure(
        ApplicationFailure.newFailure(
            "activity type '"
                + task.activityType()
                + "' is not registered on task queue '"
                + task.taskQueue()
                + "' of worker "
                + nodeId
                + "; registered: "
                + known,
            "ActivityTypeNotRegistered"));
  }
}
