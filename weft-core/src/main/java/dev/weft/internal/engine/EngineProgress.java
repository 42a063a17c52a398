package dev.weft.internal.engine;

import dev.weft.engine.WorkInProgress;
import java.time.Duration;

/** The engine's {@link WorkInProgress}: its idle tracker and its result waits. */
public final class EngineProgress implements WorkInProgress {
  private final IdleTracker idle;
  private final RunWaiters waiters;

  public EngineProgress(IdleTracker idle, RunWaiters waiters) {
    this.idle = idle;
    this.waiters = waiters;
  }

  @Override
  public boolean isIdle() {
    return idle.isIdle();
  }

  @Override
  public long generation() {
    return idle.generation();
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return idle.awaitIdle(timeout.toNanos());
  }

  @Override
  public boolean resultAwaited() {
    return waiters.resultWaits() > 0;
  }
}
