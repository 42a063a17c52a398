package dev.weft.testing;

import dev.weft.engine.WorkInProgress;
import dev.weft.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
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

  private static final Duration IDLE_WAIT = Duration.ofMillis(100);

  private final WorkInProgress progress;
  private final Store store;
  private final SkippingClock clock;
  private final ReentrantLock stepping;
  private volatile boolean running = true;
  private Thread thread;

  /**
   * @param stepping held while a test moves time itself ({@link WeftTestEnvironment#sleep}); the
   *     skipper does not jump meanwhile
   */
  TimeSkipper(WorkInProgress progress, Store store, SkippingClock clock, ReentrantLock stepping) {
    this.progress = progress;
    this.store = store;
    this.clock = clock;
    this.stepping = stepping;
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
    while (running) {
      try {
        if (!progress.awaitIdle(IDLE_WAIT)) {
          continue;
        }
        if (!progress.resultAwaited()) {
          Thread.sleep(5);
          continue;
        }
        long generation = progress.generation();
        Instant now = clock.now();
        Optional<Instant> next = store.nextDueTime(now);
        if (next.isPresent() && next.get().isAfter(now)) {
          Thread.sleep(2);
          if (stepping.tryLock()) {
            try {
              if (progress.isIdle()
                  && progress.generation() == generation
                  && progress.resultAwaited()) {
                log.debug("skipping time from {} to {}", now, next.get());
                clock.advanceTo(next.get());
                continue;
              }
            } finally {
              stepping.unlock();
            }
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
