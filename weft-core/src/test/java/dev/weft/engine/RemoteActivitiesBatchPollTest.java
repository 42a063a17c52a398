package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.Payload;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.EngineFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteActivities#pollBatch}: several attempts in one claim, never more than asked for,
 * limited to the worker's types, woken by a commit while it waits, and each attempt reported on its
 * own. The workflow is {@link RemoteActivitiesTest}'s.
 */
@Tag("engine")
class RemoteActivitiesBatchPollTest {
  static final Duration WAIT = RemoteActivitiesTest.WAIT;
  static final String QUEUE = RemoteActivitiesTest.REMOTE_QUEUE;

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("greetings")
                .registerWorkflow(
                    RemoteActivitiesTest.Greet.class, RemoteActivitiesTest.GreetImpl::new));
  }

  /** Starts {@code n} workflows and waits until each has its activity task ready on the queue. */
  private static List<WorkflowHandle<Object>> startReady(EngineFixture f, int n) {
    List<WorkflowHandle<Object>> handles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      handles.add(
          f.client()
              .start(
                  "Greet",
                  WorkflowOptions.newBuilder().taskQueue("greetings").build(),
                  "n" + i,
                  0L));
    }
    Awaitility.await()
        .atMost(WAIT)
        .alias(n + " activity tasks ready")
        .until(() -> f.store().taskQueueBacklog(QUEUE, Instant.now()).activityTasks() == n);
    return handles;
  }

  private static String text(Payload p) {
    return new String(p.data(), StandardCharsets.UTF_8);
  }

  @Test
  void oneBatchPollTakesEveryReadyTaskAndEachCompletesOnItsOwn(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      List<WorkflowHandle<Object>> handles = startReady(f, 5);
      RemoteActivities remote = f.engine().remoteActivities();

      List<RemoteActivityTask> tasks = remote.pollBatch(QUEUE, "w", Set.of("Format"), 8, WAIT);

      assertThat(tasks).hasSize(5);
      assertThat(tasks).extracting(RemoteActivityTask::taskToken).doesNotHaveDuplicates();
      assertThat(tasks)
          .extracting(RemoteActivityTask::workflowId)
          .containsExactlyInAnyOrderElementsOf(
              handles.stream().map(WorkflowHandle::workflowId).toList());
      assertThat(tasks).allSatisfy(t -> assertThat(t.attempt()).isEqualTo(1));
      for (RemoteActivityTask t : tasks) {
        assertThat(text(t.input())).matches("\\[\"n\\d\"]");
        remote.complete(t.taskToken(), Payload.json("\"done " + t.workflowId() + "\""));
      }
      for (WorkflowHandle<Object> h : handles) {
        assertThat(h.getResult(String.class)).isEqualTo("<done " + h.workflowId() + ">");
      }
    }
  }

  @Test
  void aBatchPollTakesNoMoreThanMaxTasks(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      startReady(f, 5);
      RemoteActivities remote = f.engine().remoteActivities();

      List<RemoteActivityTask> first = remote.pollBatch(QUEUE, "w", Set.of(), 3, WAIT);
      List<RemoteActivityTask> second = remote.pollBatch(QUEUE, "w", Set.of(), 3, WAIT);
      List<RemoteActivityTask> third = remote.pollBatch(QUEUE, "w", Set.of(), 3, Duration.ZERO);

      assertThat(first).hasSize(3);
      assertThat(second).hasSize(2);
      assertThat(third).isEmpty();
      Set<String> tokens = new HashSet<>();
      first.forEach(t -> tokens.add(t.taskToken()));
      second.forEach(t -> tokens.add(t.taskToken()));
      assertThat(tokens).hasSize(5);
    }
  }

  @Test
  void aBatchPollOfOtherTypesTakesNothingAndReturnsEmptyAfterItsWait(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      startReady(f, 2);
      RemoteActivities remote = f.engine().remoteActivities();

      assertThat(remote.pollBatch(QUEUE, "w", Set.of("Other"), 10, Duration.ofMillis(50)))
          .isEmpty();
      assertThat(f.store().taskQueueBacklog(QUEUE, Instant.now()).activityTasks()).isEqualTo(2);
      assertThat(remote.pollBatch(QUEUE, "w", Set.of("Format"), 10, WAIT)).hasSize(2);
    }
  }

  @Test
  void aWaitingBatchPollReturnsAsSoonAsATaskIsScheduled(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      RemoteActivities remote = f.engine().remoteActivities();
      CompletableFuture<List<RemoteActivityTask>> polled = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  polled.complete(
                      remote.pollBatch(QUEUE, "w", Set.of(), 8, Duration.ofMinutes(10)));
                } catch (Throwable e) {
                  polled.completeExceptionally(e);
                }
              });
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  f.engine().describeTaskQueue(QUEUE).pollers().stream()
                      .anyMatch(p -> p.identity().equals("w") && p.remote()));

      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Greet",
                  WorkflowOptions.newBuilder().taskQueue("greetings").build(),
                  "Grace",
                  0L);

      // the poll waits up to ten minutes: it returning at all shows the commit woke it
      List<RemoteActivityTask> tasks = polled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(tasks).extracting(RemoteActivityTask::workflowId).containsExactly(h.workflowId());
    }
  }

  @Test
  void maxTasksOutsideOneToAHundredIsRefusedAndTakesNothing(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      startReady(f, 1);
      RemoteActivities remote = f.engine().remoteActivities();
      StoreStats before = f.stats();

      for (int bad : new int[] {0, -1, 101}) {
        assertThatThrownBy(() -> remote.pollBatch(QUEUE, "w", Set.of(), bad, Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxTasks must be from 1 to 100, was " + bad);
      }
      assertThat(f.stats()).isEqualTo(before);
      assertThat(remote.pollBatch(QUEUE, "w", Set.of(), 100, WAIT)).hasSize(1);
    }
  }
}
