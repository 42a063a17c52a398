package dev.weft.schedules.testsupport;

import static org.awaitility.Awaitility.await;

import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.Sensors;
import dev.weft.store.Store;
import dev.weft.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engines a sensor test starts on a manual clock, each with its {@link Sensors} and the {@link
 * Ingest} worker, closed after the test (the engine before and after a restart on one store).
 */
public final class SensorEngines implements AfterEachCallback {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<WeftEngine> engines = new CopyOnWriteArrayList<>();
  private final ManualClock clock;

  /** Engines on {@code clock}. */
  public SensorEngines(ManualClock clock) {
    this.clock = clock;
  }

  /** Starts an engine on {@code store} with {@code definitions}; returns its sensors. */
  public Sensors start(Store store, SensorDefinition... definitions) {
    return start(store, engine -> Sensors.builder(engine).sensors(List.of(definitions)).build());
  }

  /**
   * Starts an engine on {@code store} with the {@link Ingest} worker and the sensors {@code
   * sensors} builds on it (with whatever else it registers); returns them.
   */
  public Sensors start(Store store, Function<WeftEngine, Sensors> sensors) {
    WeftEngine engine =
        WeftEngine.builder().store(store).clock(clock).nodeId("sensors-test").build();
    engines.add(engine);
    engine.newWorker(Ingest.QUEUE).registerWorkflow(Ingest.class, Ingest.Echo::new);
    Sensors built = sensors.apply(engine);
    engine.start();
    return built;
  }

  /** Returns the engine started last. */
  public WeftEngine last() {
    return engines.getLast();
  }

  /** Closes the engine started last, as when a node stops before the next starts. */
  public void closeLast() {
    engines.removeLast().close();
  }

  /**
   * Waits until sensor {@code name} sleeps on its timer, moves the clock to it and waits until the
   * evaluation it fires is recorded; returns the sensor then.
   */
  public SensorDescription tick(Sensors sensors, String name) {
    Instant due = awaitTimer(name);
    clock.advanceTo(due);
    try {
      await()
          .atMost(WAIT)
          .until(
              () -> {
                List<SensorEvaluation> seen = sensors.describe(name).recentEvaluations();
                return !seen.isEmpty() && !seen.getLast().time().isBefore(due);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no evaluation of " + name + " at " + due + "; history: " + history(name), e);
    }
    return sensors.describe(name);
  }

  private String history(String name) {
    return last().client().getHandle("__weft_sensor:" + name).fetchHistory().events().stream()
        .map(Object::toString)
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** Waits until sensor {@code name}'s workflow sleeps on a timer; returns when it fires. */
  public Instant awaitTimer(String name) {
    String id = "__weft_sensor:" + name;
    await()
        .atMost(WAIT)
        .until(() -> !last().client().getHandle(id).describe().pendingTimers().isEmpty());
    return last().client().getHandle(id).describe().pendingTimers().stream()
        .map(PendingTimer::fireAt)
        .min(Instant::compareTo)
        .orElseThrow();
  }

  /** Returns the workflow IDs of the {@link Ingest} runs, oldest first. */
  public List<String> ingestRuns() {
    return last()
        .client()
        .listWorkflows(WorkflowFilter.all().withType(Ingest.TYPE).withPageSize(1000))
        .workflows()
        .stream()
        .map(WorkflowSummary::workflowId)
        .sorted()
        .toList();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    engines.forEach(WeftEngine::close);
  }
}
