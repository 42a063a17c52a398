package dev.weft.schedules.internal;

import dev.weft.assets.AssetKey;
import dev.weft.schedules.SensorContext;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation activity: calls the sensor's function and turns whatever it does (a result, a
 * malformed result, an exception) into an {@link EvaluationOutcome}. Failures are returned, not
 * thrown, because a failed evaluation is a normal, recorded outcome that the workflow retries with
 * its own backoff rather than with the engine's activity retries.
 */
public final class SensorEvaluator implements SensorEvaluations {
  private final Map<String, SensorFunction> functions;

  /**
   * Evaluates the sensors of {@code functions} (by name), a map that later builders on the engine
   * add to (so it is read, not copied; give a concurrent one).
   */
  public SensorEvaluator(Map<String, SensorFunction> functions) {
    this.functions = Objects.requireNonNull(functions, "functions");
  }

  @Override
  public EvaluationOutcome evaluate(String name, String cursor, Instant time) {
    return evaluateChanges(name, cursor, time, List.of());
  }

  @Override
  public EvaluationOutcome evaluateChanges(
      String name, String cursor, Instant time, List<String> changedAssets) {
    SensorFunction function = functions.get(name);
    if (function == null) {
      return EvaluationOutcome.failed(
          "sensor '" + name + "' is not defined on the node that served its evaluation",
          Duration.ZERO);
    }
    long started = System.nanoTime();
    SensorResult result;
    try {
      result =
          function.evaluate(
              new SensorContext(
                  name, cursor, time, changedAssets.stream().map(AssetKey::of).toList()));
    } catch (Exception | LinkageError | AssertionError e) {
      return EvaluationOutcome.failed(describe(e), since(started));
    }
    Duration took = since(started);
    if (result == null) {
      return EvaluationOutcome.failed(
          "the sensor returned null: expected a SensorResult (requests or skip)", took);
    }
    Optional<String> problem = RunRequestValidator.problem(result.requests());
    if (problem.isPresent()) {
      return EvaluationOutcome.failed("malformed result, nothing started: " + problem.get(), took);
    }
    return new EvaluationOutcome(
        result.newCursor(),
        result.keepsCursor(),
        result.requests(),
        result.skipReason(),
        took,
        null);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
