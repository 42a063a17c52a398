package dev.weft.testing;

import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.worker.IdleTracker;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jumps the clock to the next due time (a timer, a retry) while a client waits for a result and the
 * engine has no work in progress, so tests do not wait for timers in real time. As in Temporal's
 * test environment, time does not jump while the test is not waiting for a result, so a test can
 * query or signal a run in the middle of its sleep. Idleness is checked before and after reading
 * the store, so it never jumps while work is starting.
 */
final class TimeSkipper {
  private static final Logger log = LoggerFactory.getLogger(TimeSkipper.class);

  private final EngineContext ctx;
  private final SkippingClock clock;
  private volatile boolean running = true;
  private Thread thread;

  TimeSkipper(EngineContext ctx, SkippingClock clock) {
    this.ctx = ctx;
    this.clock = clock;
  }

  void start() {
    thread = Thread.ofPlatform().daemon(true).name("weft-time-skipper").start(this::loop);
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    IdleTracker idle = ctx.idle();
    while (running) {
      try {
        if (!idle.awaitIdle(TimeUnit.MILLISECONDS.toNanos(100))) {
          continue;
        }
        if (ctx.waiters().resultWaits() == 0) {
          Thread.sleep(5);
          continue;
        }
        long generation = idle.generation();
        Instant now = clock.now();
        Optional<Instant> next = ctx.store().nextDueTime(now);
        if (next.isPresent() && next.get().isAfter(now)) {
          Thread.sleep(2);
          if (idle.isIdle() && idle.generation() == generation && ctx.waiters().resultWaits() > 0) {
            log.debug("skipping time from {} to {}", now, next.get());
            clock.advanceTo(next.get());
            continue;
          }
        }
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("time skipping failed; retrying", e);
        }
      }
    }
  }
}
