package dev.weft.examples.triggers;

import dev.weft.engine.EngineService;
import dev.weft.schedules.Schedules;
import java.util.Objects;

/**
 * Creates the examples' schedules when the engine starts, and updates those whose definition
 * changed in code ({@link Schedules#ensureStarted()}), so that every node that hosts the examples
 * brings them up without a call from {@code weft dev}.
 */
final class ScheduleStarts implements EngineService {
  private final Schedules schedules;

  ScheduleStarts(Schedules schedules) {
    this.schedules = Objects.requireNonNull(schedules, "schedules");
  }

  @Override
  public void start() {
    schedules.ensureStarted();
  }

  @Override
  public void close() {
    // the schedules live in the store as workflows: nothing to stop here
  }
}
