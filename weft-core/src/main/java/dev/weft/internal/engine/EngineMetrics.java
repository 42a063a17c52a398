package dev.weft.internal.engine;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.Batch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * What the engine measures on its step paths: starts and closes, workflow-task latency, activity
 * lag and execution time, timer lateness, non-determinism. {@link #NONE} (no meter registry) does
 * nothing by construction: every method is empty and {@link #started()} returns 0 without reading a
 * clock, so a step pays one call the JIT inlines away. With a registry, {@link
 * MicrometerEngineMetrics} records into meters it looks up by tag without allocating.
 *
 * <p>Thread-safe; called from workflow-task, activity, timer and client threads.
 */
public interface EngineMetrics {

  /** Measures nothing. */
  EngineMetrics NONE = new EngineMetrics() {};

  /** Returns the engine's metrics over {@code registry}, or {@link #NONE} if it is null. */
  static EngineMetrics of(MeterRegistry registry) {
    return registry == null ? NONE : new MicrometerEngineMetrics(registry);
  }

  /** Returns a start mark for a duration ({@link System#nanoTime()}), or 0 when not measuring. */
  default long started() {
    return 0;
  }

  /**
   * A batch committed: counts the runs it inserted (starts, by their type) and closed (by {@code
   * closingType}, the type of the run the batch closes, and status).
   */
  default void committed(Batch batch, String closingType) {}

  /** A workflow task of a run of {@code workflowType} committed; it started at {@code started}. */
  default void workflowTask(String workflowType, long started) {}

  /** An activity attempt starts at {@code now}; its task became claimable at its visibility. */
  default void activityStarted(ActivityTaskRecord task, Instant now) {}

  /** An activity attempt's code returned or threw; it started at {@code started}. */
  default void activityExecuted(ActivityTaskRecord task, long started) {}

  /** A timer due at {@code due} fires at {@code now}. */
  default void timerFired(Instant due, Instant now) {}

  /** A workflow task of a run of {@code workflowType} failed on non-determinism. */
  default void nonDeterminism(String workflowType) {}
}
