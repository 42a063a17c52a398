package dev.weft.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.ClientTest;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.store.EventRecord;
import dev.weft.testsupport.EngineFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run's history straight from the store, as tools outside the engine do. */
class StoredEventsTest {

  @Test
  void storedEventsDecodeToTheHistoryTheClientReturns(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("jobs")
                    .registerWorkflow(ClientTest.Job.class, ClientTest.JobImpl::new))) {
      WorkflowHandle<Object> handle =
          f.client().start("Job", WorkflowOptions.newBuilder().taskQueue("jobs").build(), "done");
      handle.getResult(Duration.ofSeconds(60));

      List<EventRecord> stored = f.engine().store().readHistory(handle.runId(), 1);

      assertThat(stored.stream().map(StoredEvents::decode).toList())
          .isEqualTo(handle.fetchHistory().events());
      assertThat(StoredEvents.decode(stored.get(0).data()))
          .isInstanceOf(EventAttributes.WorkflowStarted.class);
    }
  }

  @Test
  void bytesThatAreNoStoredEventAreRefused() {
    assertThatThrownBy(() -> StoredEvents.decode("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not json");
  }
}
