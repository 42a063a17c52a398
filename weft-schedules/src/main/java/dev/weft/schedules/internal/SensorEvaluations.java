package dev.weft.schedules.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import java.time.Instant;
import java.util.List;

/** The evaluation activity of the sensor workflow, run where the sensors' code is. */
@ActivityInterface
public interface SensorEvaluations {

  /**
   * Runs sensor {@code name}'s function from {@code cursor} at {@code time} and validates its
   * result; a function that throws or returns malformed requests gives a failed outcome (no
   * exception), so the workflow records it as an evaluation with an error.
   */
  @ActivityMethod(name = "__weft_sensor_evaluate")
  EvaluationOutcome evaluate(String name, String cursor, Instant time);

  /**
   * {@link #evaluate} for a sensor watching assets, given the paths of the watched assets that
   * changed since its previous successful evaluation.
   */
  @ActivityMethod(name = "__weft_sensor_evaluate_changes")
  EvaluationOutcome evaluateChanges(
      String name, String cursor, Instant time, List<String> changedAssets);
}
