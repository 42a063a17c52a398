package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.Payload;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.EngineFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteActivities#completeBatch}: a batch of results and failures recorded together, each
 * report fenced by its own lease (a stale or unknown token is refused alone, the others are
 * recorded), a report sent again refused without a write, and bad batches refused whole. The
 * workflow is {@link RemoteActivitiesTest}'s.
 */
@Tag("engine")
class RemoteActivitiesCompleteBatchTest {
  static final Duration WAIT = RemoteActivitiesTest.WAIT;
  static final String QUEUE = RemoteActivitiesTest.REMOTE_QUEUE;

  private static EngineFixture engine(Path dir, UnaryOperator<WeftEngine.Builder> options) {
    return EngineFixture.start(
        dir,
        options,
        e ->
            e.newWorker("greetings")
                .registerWorkflow(
                    RemoteActivitiesTest.Greet.class, RemoteActivitiesTest.GreetImpl::new));
  }

  /** Starts one workflow per name and polls their activity tasks, one per workflow, in order. */
  private static List<WorkflowHandle<Object>> start(EngineFixture f, String... names) {
    List<WorkflowHandle<Object>> handles = new ArrayList<>();
    for (String name : names) {
      handles.add(
          f.client()
              .start(
                  "Greet",
                  WorkflowOptions.newBuilder()
                      .workflowId("wf-" + name)
                      .taskQueue("greetings")
                      .build(),
                  name,
                  0L));
    }
    Awaitility.await()
        .atMost(WAIT)
        .alias(names.length + " activity tasks ready")
        .until(
            () -> f.store().taskQueueBacklog(QUEUE, Instant.now()).activityTasks() == names.length);
    return handles;
  }

  /** Polls the ready tasks, ordered as {@code handles}. */
  private static List<RemoteActivityTask> pollAll(
      RemoteActivities remote, List<WorkflowHandle<Object>> handles) throws InterruptedException {
    List<RemoteActivityTask> tasks = new ArrayList<>();
    while (tasks.size() < handles.size()) {
      tasks.addAll(remote.pollBatch(QUEUE, "w", Set.of(), handles.size(), WAIT));
    }
    List<String> ids = handles.stream().map(WorkflowHandle::workflowId).toList();
    tasks.sort((a, b) -> ids.indexOf(a.workflowId()) - ids.indexOf(b.workflowId()));
    return tasks;
  }

  private static RemoteActivityReport done(RemoteActivityTask t, String result) {
    return RemoteActivityReport.completed(t.taskToken(), Payload.json("\"" + result + "\""));
  }

  @Test
  void aMixedBatchRecordsTheGoodReportsAndRefusesTheStaleAndUnknownOnesAlone(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir, UnaryOperator.identity())) {
      List<WorkflowHandle<Object>> h = start(f, "ada", "alan", "grace");
      RemoteActivities remote = f.engine().remoteActivities();
      List<RemoteActivityTask> t = pollAll(remote, h);
      // grace's first attempt fails and is retried: its token goes stale
      remote.fail(t.get(2).taskToken(), new RemoteActivityFailure("Flaky", "try again", "", false));
      RemoteActivityTask graceAgain = pollAll(remote, h.subList(2, 3)).get(0);
      assertThat(graceAgain.attempt()).isEqualTo(2);

      List<RemoteActivityReportOutcome> outcomes =
          remote.completeBatch(
              List.of(
                  done(t.get(0), "Hi, ada"),
                  RemoteActivityReport.failed(
                      t.get(1).taskToken(),
                      new RemoteActivityFailure("BadName", "no alans", "{\"n\":1}", false)),
                  done(t.get(2), "stale"),
                  RemoteActivityReport.completed("not-a-token", Payload.json("1")),
                  done(graceAgain, "Hi, grace")));

      assertThat(outcomes)
          .extracting(RemoteActivityReportOutcome::taskToken)
          .containsExactly(
              t.get(0).taskToken(),
              t.get(1).taskToken(),
              t.get(2).taskToken(),
              "not-a-token",
              graceAgain.taskToken());
      assertThat(outcomes)
          .extracting(RemoteActivityReportOutcome::recorded)
          .containsExactly(true, true, false, false, true);
      assertThat(outcomes.get(0).refused()).isEmpty();
      assertThat(outcomes.get(2).refusal())
          .isInstanceOf(ActivityLeaseLostException.class)
          .hasMessageContaining("attempt 2 of the activity is running in its place");
      assertThat(outcomes.get(3).refusal())
          .isExactlyInstanceOf(ActivityNotFoundException.class)
          .hasMessageContaining("not a Weft activity task token");
      assertThat(h.get(0).getResult(String.class)).isEqualTo("<Hi, ada>");
      assertThatThrownBy(() -> h.get(1).getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af ->
                  assertThat(af.getCause())
                      .isInstanceOfSatisfying(
                          ApplicationFailure.class,
                          app -> assertThat(app.getType()).isEqualTo("BadName")));
      assertThat(h.get(2).getResult(String.class)).isEqualTo("<Hi, grace>");
    }
  }

  @Test
  void aBatchSentAgainIsRefusedReportByReportAndChangesNothing(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir, UnaryOperator.identity())) {
      List<WorkflowHandle<Object>> h = start(f, "a", "b", "c", "d");
      RemoteActivities remote = f.engine().remoteActivities();
      List<RemoteActivityReport> batch = new ArrayList<>();
      for (RemoteActivityTask t : pollAll(remote, h)) {
        batch.add(done(t, "once " + t.workflowId()));
      }

      assertThat(remote.completeBatch(batch)).allMatch(RemoteActivityReportOutcome::recorded);
      for (WorkflowHandle<Object> handle : h) {
        assertThat(handle.getResult(String.class)).isEqualTo("<once " + handle.workflowId() + ">");
      }
      StoreStats before = f.stats();
      List<RemoteActivityReport> again = new ArrayList<>();
      for (RemoteActivityReport r : batch) {
        again.add(RemoteActivityReport.completed(r.taskToken(), Payload.json("\"twice\"")));
      }
      List<RemoteActivityReportOutcome> outcomes = remote.completeBatch(again);

      assertThat(outcomes)
          .allSatisfy(
              o ->
                  assertThat(o.refusal())
                      .isInstanceOf(ActivityLeaseLostException.class)
                      .hasMessageContaining("has no pending activity"));
      assertThat(f.stats()).isEqualTo(before);
      for (WorkflowHandle<Object> handle : h) {
        assertThat(handle.getResult(String.class)).isEqualTo("<once " + handle.workflowId() + ">");
      }
    }
  }

  @Test
  void aResultOverTheLimitIsRefusedAloneAndItsAttemptKeepsItsTask(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir, b -> b.maxPayloadBytes(64))) {
      List<WorkflowHandle<Object>> h = start(f, "x", "y");
      RemoteActivities remote = f.engine().remoteActivities();
      List<RemoteActivityTask> t = pollAll(remote, h);

      List<RemoteActivityReportOutcome> outcomes =
          remote.completeBatch(List.of(done(t.get(0), "y".repeat(100)), done(t.get(1), "small")));

      assertThat(outcomes.get(0).refusal()).isInstanceOf(PayloadTooLargeException.class);
      assertThat(outcomes.get(1).recorded()).isTrue();
      assertThat(h.get(1).getResult(String.class)).isEqualTo("<small>");
      assertThat(remote.completeBatch(List.of(done(t.get(0), "fits"))))
          .allMatch(RemoteActivityReportOutcome::recorded);
      assertThat(h.get(0).getResult(String.class)).isEqualTo("<fits>");
    }
  }

  @Test
  void anEmptyAnOversizedOrANullHoldingBatchIsRefusedWhole(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir, UnaryOperator.identity())) {
      List<WorkflowHandle<Object>> h = start(f, "solo");
      RemoteActivities remote = f.engine().remoteActivities();
      RemoteActivityReport good = done(pollAll(remote, h).get(0), "kept");
      StoreStats before = f.stats();

      assertThatThrownBy(() -> remote.completeBatch(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1 to 100 reports, was 0");
      assertThatThrownBy(() -> remote.completeBatch(Collections.nCopies(101, good)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was 101");
      assertThatThrownBy(() -> remote.completeBatch(Arrays.asList(good, null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("report 1 of the batch is null");
      assertThat(f.stats()).isEqualTo(before);

      assertThat(remote.completeBatch(List.of(good)))
          .allMatch(RemoteActivityReportOutcome::recorded);
      assertThat(h.get(0).getResult(String.class)).isEqualTo("<kept>");
    }
  }
}
