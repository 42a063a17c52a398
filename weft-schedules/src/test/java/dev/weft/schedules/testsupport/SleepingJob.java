package dev.weft.schedules.testsupport;

import dev.weft.workflow.Workflow;
import java.time.Duration;

/** {@link Job}: a durable sleep. */
public final class SleepingJob implements Job {
  @Override
  public String run(int minutes) {
    if (minutes > 0) {
      Workflow.sleep(Duration.ofMinutes(minutes));
    }
    return "done";
  }
}
