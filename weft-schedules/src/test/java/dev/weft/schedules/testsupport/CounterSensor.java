package dev.weft.schedules.testsupport;

import com.fasterxml.jackson.databind.node.LongNode;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorContext;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.TriggerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sensor that watches a counter: its cursor is the last value it requested a run for, and each
 * evaluation requests one {@link Ingest} run per new value (dedupe key {@code value-<n>}), or skips
 * with "no new value".
 */
public final class CounterSensor implements SensorFunction {
  private final AtomicLong counter = new AtomicLong();

  /** Sets the counter. */
  public void set(long value) {
    counter.set(value);
  }

  /** The start of the {@link Ingest} run of {@code value}. */
  public static TriggerAction ingest(long value) {
    return TriggerAction.StartWorkflow.of(Ingest.TYPE, Ingest.QUEUE, LongNode.valueOf(value));
  }

  @Override
  public SensorResult evaluate(SensorContext context) {
    long seen = context.cursor() == null ? 0 : Long.parseLong(context.cursor());
    long now = counter.get();
    if (now <= seen) {
      return SensorResult.skip("no new value");
    }
    List<RunRequest> runs = new ArrayList<>();
    for (long v = seen + 1; v <= now; v++) {
      runs.add(new RunRequest("value-" + v, ingest(v)));
    }
    return SensorResult.requests(Long.toString(now), runs);
  }
}
