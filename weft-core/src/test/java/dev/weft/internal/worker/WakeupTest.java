package dev.weft.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.engine.IdleTracker;
import org.junit.jupiter.api.Test;

/** A wake-up counts as work in progress until its loop has taken it over: no idle gap between. */
class WakeupTest {
  private final IdleTracker idle = new IdleTracker();
  private final Wakeup wakeup = new Wakeup(idle);

  @Test
  void aPendingSignalIsWorkInProgress() throws InterruptedException {
    wakeup.signal();
    assertThat(idle.isIdle()).isFalse();

    wakeup.await(0);

    assertThat(idle.isIdle()).isTrue();
  }

  @Test
  void awaitAndHoldHandsTheSignalsUnitToTheCaller() throws InterruptedException {
    wakeup.signal();
    long generation = idle.generation();

    assertThat(wakeup.awaitAndHold(0)).isTrue();

    // still busy, and nothing started or ended: the caller owns the unit until it exits it
    assertThat(idle.isIdle()).isFalse();
    assertThat(idle.generation()).isEqualTo(generation);
    idle.enter();
    idle.exit();
    assertThat(idle.isIdle()).isFalse();
    idle.exit();
    assertThat(idle.isIdle()).isTrue();
  }

  @Test
  void awaitAndHoldWithoutASignalHoldsNothing() throws InterruptedException {
    assertThat(wakeup.awaitAndHold(1_000)).isFalse();
    assertThat(idle.isIdle()).isTrue();
  }
}
