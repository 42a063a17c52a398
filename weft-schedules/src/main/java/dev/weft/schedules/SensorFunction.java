package dev.weft.schedules;

/**
 * The user's code of a sensor: looks at the world from the stored cursor and says which runs to
 * request and where the cursor goes next. Called in an activity on the {@code __weft_sensors} task
 * queue of the node that defined the sensor, at most once at a time per sensor.
 *
 * <pre>{@code
 * SensorFunction newBlocks = ctx -> {
 *   long seen = ctx.cursor() == null ? 0 : Long.parseLong(ctx.cursor());
 *   long height = chain.height();
 *   if (height == seen) {
 *     return SensorResult.skip("no new block");
 *   }
 *   List<RunRequest> runs = new ArrayList<>();
 *   for (long h = seen + 1; h <= height; h++) {
 *     runs.add(new RunRequest("block-" + h, ingest(h)));
 *   }
 *   return SensorResult.requests(Long.toString(height), runs);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface SensorFunction {

  /**
   * Evaluates the sensor once. An exception is recorded as a failed evaluation (the cursor stays,
   * nothing is started) and the sensor retries with backoff.
   */
  SensorResult evaluate(SensorContext context) throws Exception;
}
