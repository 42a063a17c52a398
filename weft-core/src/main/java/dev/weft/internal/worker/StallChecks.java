package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.StallWatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link StallWatch#check()} on one daemon thread: every second of real time (a check that
 * finds nothing due reads nothing), and at once after each jump of a clock that jumps.
 */
public final class StallChecks {
  private static final Logger log = LoggerFactory.getLogger(StallChecks.class);

  private final StallWatch watch;
  private final WeftClock clock;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("weft-stall-checks").factory());

  public StallChecks(StallWatch watch, WeftClock clock) {
    this.watch = watch;
    this.clock = clock;
  }

  /** Starts the checks. */
  public void start() {
    thread.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    clock.addAdvanceListener(
        () -> {
          try {
            thread.execute(this::check);
          } catch (RejectedExecutionException stopped) {
            // the engine is closing
          }
        });
  }

  private void check() {
    try {
      watch.check();
    } catch (RuntimeException e) {
      log.warn("stall check failed; the next one tries again", e);
    }
  }

  /** Stops the checks. */
  public void stop() {
    thread.shutdownNow();
  }
}
