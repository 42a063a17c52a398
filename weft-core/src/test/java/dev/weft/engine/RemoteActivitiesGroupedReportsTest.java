package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RemoteActivities#completeBatch} groups a batch's reports by run: the results of one run
 * reach it together, in the batch's order, in one workflow task, while each report stays fenced by
 * its own lease (a stale token of the same run is refused alone).
 */
@Tag("engine")
public class RemoteActivitiesGroupedReportsTest {
  static final Duration WAIT = RemoteActivitiesTest.WAIT;
  static final String QUEUE = RemoteActivitiesTest.REMOTE_QUEUE;

  /** Formats every name on the remote queue at once and returns the results in the names' order. */
  @WorkflowInterface
  public interface Gather {
    @WorkflowMethod
    List<String> gather(List<String> names);
  }

  public static class GatherImpl implements Gather {
    @Override
    public List<String> gather(List<String> names) {
      RemoteActivitiesTest.Greetings greetings =
          Workflow.newActivityStub(
              RemoteActivitiesTest.Greetings.class,
              ActivityOptions.newBuilder()
                  .taskQueue(QUEUE)
                  .startToCloseTimeout(Duration.ofMinutes(5))
                  .retryPolicy(
                      RetryPolicy.newBuilder()
                          .initialInterval(Duration.ofMillis(10))
                          .maximumAttempts(3)
                          .build())
                  .build());
      List<Promise<String>> results = new ArrayList<>();
      for (String name : names) {
        results.add(Workflow.async(() -> greetings.format(name)));
      }
      Promise.allOf(results).get();
      List<String> out = new ArrayList<>();
      results.forEach(p -> out.add(p.get()));
      return out;
    }
  }

  private static EngineFixture engine(TestStore store, Path dir) {
    return EngineFixture.start(
        store, dir, e -> e.newWorker("greetings").registerWorkflow(Gather.class, GatherImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String id, List<String> names) {
    return f.client()
        .start(
            "Gather",
            WorkflowOptions.newBuilder().workflowId(id).taskQueue("greetings").build(),
            names);
  }

  private static List<String> names(String prefix, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  /** Polls {@code count} ready tasks and returns them by the name they format. */
  private static Map<String, RemoteActivityTask> pollByName(RemoteActivities remote, int count)
      throws InterruptedException {
    List<RemoteActivityTask> tasks = new ArrayList<>();
    while (tasks.size() < count) {
      tasks.addAll(remote.pollBatch(QUEUE, "w", Set.of(), count - tasks.size(), WAIT));
    }
    return tasks.stream().collect(Collectors.toMap(t -> nameOf(t), t -> t));
  }

  private static String nameOf(RemoteActivityTask task) {
    String input = new String(task.input().data(), StandardCharsets.UTF_8);
    return input.substring(2, input.length() - 2);
  }

  private static long seq(RemoteActivityTask task) {
    return Long.parseLong(task.activityId());
  }

  private static void awaitReady(EngineFixture f, int tasks) {
    Awaitility.await()
        .atMost(WAIT)
        .alias(tasks + " activity tasks ready")
        .until(() -> f.store().taskQueueBacklog(QUEUE, Instant.now()).activityTasks() == tasks);
  }

  private static RemoteActivityReport done(RemoteActivityTask t, String result) {
    return RemoteActivityReport.completed(t.taskToken(), Payload.json("\"" + result + "\""));
  }

  /** The sequence numbers of the activity results in history, in history's order. */
  private static List<Long> completedSeqs(WorkflowHandle<Object> h) {
    return h.fetchHistory().events().stream()
        .map(HistoryEvent::attributes)
        .filter(a -> a instanceof EventAttributes.ActivityCompleted)
        .map(a -> ((EventAttributes.ActivityCompleted) a).seq())
        .toList();
  }

  /**
   * The activity results the workflow task that applied the result of activity {@code seq} applied,
   * in history's order: the results between the boundaries ({@code WorkflowTaskCompleted}) before
   * and after it (the commands of the task before are no results).
   */
  private static List<EventAttributes> taskOf(WorkflowHandle<Object> h, long seq) {
    List<EventAttributes> task = new ArrayList<>();
    boolean found = false;
    for (HistoryEvent e : h.fetchHistory().events()) {
      if (e.attributes() instanceof EventAttributes.WorkflowTaskCompleted) {
        if (found) {
          return task;
        }
        task.clear();
      } else if (e.attributes() instanceof EventAttributes.ActivityCompleted c) {
        task.add(c);
        found |= c.seq() == seq;
      }
    }
    throw new AssertionError("no workflow task recorded the result of activity " + seq);
  }

  private static long seqOf(EventAttributes event) {
    return ((EventAttributes.Sequenced) event).seq();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eightResultsOfOneRunReachItInOneWorkflowTaskInTheBatchsOrderAndItsStaleTokenIsRefusedAlone(
      TestStore store, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(store, dir)) {
      WorkflowHandle<Object> h = start(f, "gather-nine", names("n", 9));
      awaitReady(f, 9);
      RemoteActivities remote = f.engine().remoteActivities();
      Map<String, RemoteActivityTask> t = pollByName(remote, 9);
      // n8's first attempt fails and is retried: its first token goes stale
      remote.fail(t.get("n8").taskToken(), new RemoteActivityFailure("Flaky", "again", "", false));
      RemoteActivityTask n8Again = pollByName(remote, 1).get("n8");
      List<RemoteActivityReport> batch = new ArrayList<>();
      // the batch's order is not the scheduling order; the stale token sits in the middle
      for (String name : List.of("n5", "n2", "n7", "n0")) {
        batch.add(done(t.get(name), name.toUpperCase()));
      }
      batch.add(done(t.get("n8"), "stale"));
      for (String name : List.of("n3", "n6", "n1", "n4")) {
        batch.add(done(t.get(name), name.toUpperCase()));
      }

      List<RemoteActivityReportOutcome> outcomes = remote.completeBatch(batch);

      assertThat(outcomes)
          .extracting(RemoteActivityReportOutcome::recorded)
          .containsExactly(true, true, true, true, false, true, true, true, true);
      assertThat(outcomes.get(4).refusal())
          .isInstanceOf(ActivityLeaseLostException.class)
          .hasMessageContaining("attempt 2 of the activity is running in its place");
      List<Long> batchSeqs = new ArrayList<>();
      for (String name : List.of("n5", "n2", "n7", "n0", "n3", "n6", "n1", "n4")) {
        batchSeqs.add(seq(t.get(name)));
      }
      assertThat(taskOf(h, batchSeqs.get(0)))
          .as("one workflow task applies the eight results, in the batch's order")
          .extracting(RemoteActivitiesGroupedReportsTest::seqOf)
          .containsExactlyElementsOf(batchSeqs);
      assertThat(remote.completeBatch(List.of(done(n8Again, "N8"))))
          .allMatch(RemoteActivityReportOutcome::recorded);
      assertThat(h.getResult(List.class))
          .containsExactly("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");
      assertThat(completedSeqs(h)).hasSize(9).doesNotHaveDuplicates();
      if (store == TestStore.SQLITE) {
        Histories.record("remote-activities-reported-together", h);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchMixingRunsGivesEachRunItsOwnResultsTogetherInTheBatchsOrder(
      TestStore store, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(store, dir)) {
      WorkflowHandle<Object> a = start(f, "gather-a", names("a", 3));
      WorkflowHandle<Object> b = start(f, "gather-b", names("b", 3));
      awaitReady(f, 6);
      RemoteActivities remote = f.engine().remoteActivities();
      Map<String, RemoteActivityTask> t = pollByName(remote, 6);
      List<String> order = List.of("b2", "a1", "b0", "a2", "a0", "b1");
      List<RemoteActivityReport> batch = new ArrayList<>();
      for (String name : order) {
        batch.add(done(t.get(name), "<" + name + ">"));
      }

      List<RemoteActivityReportOutcome> outcomes = remote.completeBatch(batch);

      assertThat(outcomes)
          .extracting(RemoteActivityReportOutcome::taskToken)
          .containsExactlyElementsOf(batch.stream().map(RemoteActivityReport::taskToken).toList());
      assertThat(outcomes).allMatch(RemoteActivityReportOutcome::recorded);
      assertThat(a.getResult(List.class)).containsExactly("<a0>", "<a1>", "<a2>");
      assertThat(b.getResult(List.class)).containsExactly("<b0>", "<b1>", "<b2>");
      assertThat(taskOf(a, seq(t.get("a1"))))
          .extracting(RemoteActivitiesGroupedReportsTest::seqOf)
          .containsExactly(seq(t.get("a1")), seq(t.get("a2")), seq(t.get("a0")));
      assertThat(taskOf(b, seq(t.get("b2"))))
          .extracting(RemoteActivitiesGroupedReportsTest::seqOf)
          .containsExactly(seq(t.get("b2")), seq(t.get("b0")), seq(t.get("b1")));
    }
  }

  @Test
  void aTokenTwiceInOneBatchIsRecordedOnceAndTheSecondIsRefused(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(TestStore.SQLITE, dir)) {
      WorkflowHandle<Object> h = start(f, "gather-twice", names("d", 2));
      awaitReady(f, 2);
      RemoteActivities remote = f.engine().remoteActivities();
      Map<String, RemoteActivityTask> t = pollByName(remote, 2);

      List<RemoteActivityReportOutcome> outcomes =
          remote.completeBatch(
              List.of(
                  done(t.get("d0"), "first"), done(t.get("d1"), "one"), done(t.get("d0"), "x")));

      assertThat(outcomes)
          .extracting(RemoteActivityReportOutcome::recorded)
          .containsExactly(true, true, false);
      assertThat(outcomes.get(2).refusal()).isInstanceOf(ActivityLeaseLostException.class);
      assertThat(h.getResult(List.class)).containsExactly("first", "one");
      assertThat(completedSeqs(h)).hasSize(2).doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void twoBatchesRacingWithTheSameTokensRecordEveryResultExactlyOnce(
      TestStore store, @TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(store, dir)) {
      WorkflowHandle<Object> h = start(f, "gather-race", names("r", 8));
      awaitReady(f, 8);
      RemoteActivities remote = f.engine().remoteActivities();
      List<RemoteActivityTask> tasks =
          pollByName(remote, 8).values().stream()
              .sorted(Comparator.comparing(RemoteActivitiesGroupedReportsTest::nameOf))
              .toList();
      CyclicBarrier together = new CyclicBarrier(2);
      List<CompletableFuture<List<RemoteActivityReportOutcome>>> calls = new ArrayList<>();
      for (String caller : List.of("left", "right")) {
        List<RemoteActivityReport> batch = new ArrayList<>();
        tasks.forEach(t -> batch.add(done(t, caller)));
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    together.await();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return remote.completeBatch(batch);
                }));
      }
      List<RemoteActivityReportOutcome> left = calls.get(0).join();
      List<RemoteActivityReportOutcome> right = calls.get(1).join();

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        assertThat(left.get(i).recorded())
            .as("exactly one call recorded %s", nameOf(tasks.get(i)))
            .isNotEqualTo(right.get(i).recorded());
        RemoteActivityReportOutcome refused = left.get(i).recorded() ? right.get(i) : left.get(i);
        assertThat(refused.refusal()).isInstanceOf(ActivityLeaseLostException.class);
        expected.add(left.get(i).recorded() ? "left" : "right");
      }
      assertThat(h.getResult(List.class)).containsExactlyElementsOf(expected);
      assertThat(completedSeqs(h)).hasSize(8).doesNotHaveDuplicates();
    }
  }
}
