package dev.weft.schedules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.BackfillRequest;
import dev.weft.schedules.internal.SensorBackfillWorkflow;
import dev.weft.schedules.internal.SensorWorkflow;
import java.util.Objects;

/**
 * A run a sensor asks for: its action, started with the workflow ID {@code <sensor>:<dedupeKey>}
 * (for a start; see {@link TriggerAction}), so the same key never starts twice, whichever
 * evaluation asks again and across engine restarts.
 *
 * <p>Not validated on construction: a sensor's malformed request (blank key, missing action) is
 * reported as an error of the evaluation that returned it, naming the request's index and field.
 *
 * @param dedupeKey what makes this run unique for the sensor (a block height, a file name)
 * @param action what to run
 */
public record RunRequest(String dedupeKey, TriggerAction action) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A request to backfill partitions of an asset selection ({@link
   * dev.weft.assets.AssetBackfills#launch}): it starts the built-in workflow {@code
   * __weft_sensor_backfill} with the derived ID {@code <sensor>:<dedupeKey>}, which launches the
   * backfill once, so a key launches at most one backfill. Needs the app's backfills ({@link
   * Sensors.Builder#backfills}).
   *
   * <pre>{@code
   * RunRequest.backfill("prices-2024-01",
   *     BackfillRequest.of("market/prices", PartitionSelection.range("2024-01-01", "2024-01-31")));
   * }</pre>
   */
  public static RunRequest backfill(String dedupeKey, BackfillRequest request) {
    Objects.requireNonNull(request, "request");
    return new RunRequest(
        dedupeKey,
        TriggerAction.StartWorkflow.of(
            SensorBackfillWorkflow.TYPE,
            SensorWorkflow.EVALUATION_QUEUE,
            JSON.valueToTree(request)));
  }
}
