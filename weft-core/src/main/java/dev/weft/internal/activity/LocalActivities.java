package dev.weft.internal.activity;

import dev.weft.activity.ActivityInfo;
import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.history.Failure;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.QueueRegistration.ActivityRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.runtime.LocalActivityExecutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs local activity attempts on virtual threads of this engine, with the implementations
 * registered on the workflow's task queue. An attempt that outlives its timeout is interrupted and
 * reported as a timeout failure.
 */
public final class LocalActivities implements LocalActivityExecutor {
  private static final Executor VIRTUAL = Thread.ofVirtual().name("weft-local-activity")::start;

  private final Registry registry;
  private final WeftClock clock;
  private final PayloadConverter payloads;
  private final String nodeId;

  /**
   * @param nodeId this node's name, in the failure of an activity type it does not serve
   */
  public LocalActivities(
      Registry registry, WeftClock clock, PayloadConverter payloads, String nodeId) {
    this.registry = registry;
    this.clock = clock;
    this.payloads = payloads;
    this.nodeId = nodeId;
  }

  @Override
  public Instant now() {
    return clock.now();
  }

  @Override
  public Running start(Attempt attempt) {
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    AtomicReference<Thread> thread = new AtomicReference<>();
    if (attempt.timeout().isNegative() || attempt.timeout().isZero()) {
      outcome.complete(timedOut(attempt));
    } else {
      Executor delayed =
          attempt.delay().isZero()
              ? VIRTUAL
              : CompletableFuture.delayedExecutor(
                  attempt.delay().toNanos(), TimeUnit.NANOSECONDS, VIRTUAL);
      long timeoutNanos = attempt.delay().plus(attempt.timeout()).toNanos();
      delayed.execute(
          () -> {
            thread.set(Thread.currentThread());
            if (!outcome.isDone()) {
              outcome.complete(run(attempt));
            }
          });
      CompletableFuture.delayedExecutor(timeoutNanos, TimeUnit.NANOSECONDS, VIRTUAL)
          .execute(
              () -> {
                if (outcome.complete(timedOut(attempt))) {
                  interrupt(thread);
                }
              });
    }
    return new Running() {
      @Override
      public CompletableFuture<Outcome> outcome() {
        return outcome;
      }

      @Override
      public void cancel() {
        if (outcome.cancel(false)) {
          interrupt(thread);
        }
      }
    };
  }

  private static void interrupt(AtomicReference<Thread> thread) {
    Thread t = thread.get();
    if (t != null) {
      t.interrupt();
    }
  }

  private Outcome run(Attempt attempt) {
    ActivityRegistration registration =
        registry
            .find(attempt.workflow().taskQueue())
            .map(q -> q.activity(attempt.activityType()))
            .orElse(null);
    if (registration == null) {
      return new Failed(
          new Failure(
              Failure.APPLICATION,
              "ActivityTypeNotRegistered",
              "local activity type '"
                  + attempt.activityType()
                  + "' is not registered on task queue '"
                  + attempt.workflow().taskQueue()
                  + "' of worker "
                  + nodeId,
              "",
              true,
              0,
              0,
              null));
    }
    ActivityInfo info =
        new ActivityInfo(
            attempt.activityType(),
            attempt.workflow().taskQueue(),
            attempt.workflow().workflowId(),
            attempt.workflow().runId(),
            attempt.seq(),
            attempt.attempt(),
            clock.now(),
            null,
            true);
    ActivityContext context = ActivityContext.local(info, clock, payloads);
    Method method = registration.method();
    context.bind();
    try {
      Object[] args = registration.arguments(payloads, attempt.input());
      Object value = method.invoke(registration.implementation(), args);
      Payload result =
          payloads.encode(value, "result of local activity '" + attempt.activityType() + "'");
      return new Completed(result);
    } catch (InvocationTargetException e) {
      return new Failed(FailureConverter.toFailure(e.getCause()));
    } catch (IllegalAccessException | RuntimeException e) {
      return new Failed(FailureConverter.toFailure(e));
    } finally {
      context.unbind();
    }
  }

  private static Failed timedOut(Attempt attempt) {
    return new Failed(
        new Failure(
            Failure.TIMEOUT,
            attempt.timeoutType(),
            attempt.timeoutMessage(),
            "",
            false,
            0,
            0,
            null));
  }
}
