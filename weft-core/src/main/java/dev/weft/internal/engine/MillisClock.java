package dev.weft.internal.engine;

import dev.weft.engine.WeftClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The engine's view of the user's clock, truncated to milliseconds: the store keeps times in
 * milliseconds, so a workflow must see the same {@code Workflow.now()} live and on replay.
 */
public final class MillisClock implements WeftClock {
  private final WeftClock delegate;

  public MillisClock(WeftClock delegate) {
    this.delegate = delegate;
  }

  @Override
  public Instant now() {
    return delegate.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public Duration realDelayUntil(Instant deadline) {
    return delegate.realDelayUntil(deadline);
  }

  @Override
  public void addAdvanceListener(Runnable listener) {
    delegate.addAdvanceListener(listener);
  }
}
