package dev.weft.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineProgressTest {
  private final IdleTracker idle = new IdleTracker();
  private final RunWaiters waiters = new RunWaiters();
  private final EngineProgress progress = new EngineProgress(idle, waiters);

  @Test
  void workInProgressIsWhatTheIdleTrackerCounts() throws InterruptedException {
    assertThat(progress.isIdle()).isTrue();
    long before = progress.generation();

    idle.enter();

    assertThat(progress.isIdle()).isFalse();
    assertThat(progress.awaitIdle(Duration.ofMillis(1))).isFalse();
    idle.exit();
    assertThat(progress.awaitIdle(Duration.ofMillis(1))).isTrue();
    assertThat(progress.generation()).isNotEqualTo(before);
  }

  @Test
  void aResultIsAwaitedWhileAClientWaits() {
    assertThat(progress.resultAwaited()).isFalse();

    waiters.beginResultWait();

    assertThat(progress.resultAwaited()).isTrue();
    waiters.endResultWait();
    assertThat(progress.resultAwaited()).isFalse();
  }
}
