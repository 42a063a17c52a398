package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.ClientTest;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.store.Store;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's hooks for testing kits and tools: its store and its work in progress. */
@Tag("engine")
class EngineHooksTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theEngineHandsOutTheStoreItWasBuiltWith(@TempDir Path dir) {
    Store store = TestStore.SQLITE.open(dir);
    try (WeftEngine engine = WeftEngine.builder().store(store).build()) {
      assertThat(engine.store()).isSameAs(store);
    }
  }

  @Test
  void anEngineThatWasNotStartedHasNoWorkInProgress(@TempDir Path dir) throws Exception {
    try (WeftEngine engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).build()) {
      WorkInProgress progress = engine.workInProgress();

      assertThat(progress.isIdle()).isTrue();
      assertThat(progress.awaitIdle(Duration.ofMillis(10))).isTrue();
      assertThat(progress.resultAwaited()).isFalse();
    }
  }

  @Test
  void aResultIsAwaitedWhileAClientWaitsAndTheEngineIdlesWhileTheRunWaits(@TempDir Path dir)
      throws Exception {
    try (WeftEngine engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).build()) {
      engine.newWorker("jobs").registerWorkflow(ClientTest.Job.class, ClientTest.JobImpl::new);
      engine.start();
      WorkInProgress progress = engine.workInProgress();
      WorkflowHandle<Object> handle =
          engine
              .client()
              .start("Job", WorkflowOptions.newBuilder().taskQueue("jobs").build(), "wait");

      CompletableFuture<Object> result = handle.getResultAsync();

      Awaitility.await().atMost(WAIT).until(progress::resultAwaited);
      assertThat(progress.awaitIdle(WAIT)).isTrue();
      long generation = progress.generation();
      handle.signal("finish");
      assertThat(result.get()).isEqualTo("done wait");
      assertThat(progress.generation()).isNotEqualTo(generation);
      Awaitility.await().atMost(WAIT).until(() -> !progress.resultAwaited());
    }
  }
}
