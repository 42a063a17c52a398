package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowHandle;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST .../activity-tasks/poll-batch} on both stores: several tasks in one answer, never
 * more than {@code maxTasks}, the types filter, an empty list after the wait, a bad {@code
 * maxTasks} refused; every task it hands out completes through the complete route; a poll carrying
 * the reports of the batch before records them first and answers their outcomes with the next
 * tasks, and a bad report is a 400 that records and leases nothing.
 */
class ActivityTaskBatchPollApiTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String POLL_BATCH =
      "/api/v1/namespaces/default/task-queues/jobs-remote/activity-tasks/poll-batch";

  @TempDir Path dir;

  private static ApiServer server(TestStore store, Path dir) {
    return ApiServer.start(store, dir, RemoteJobs::register);
  }

  /** Starts {@code n} workflows and waits until each has its activity task ready. */
  private static List<WorkflowHandle<Object>> startReady(ApiServer s, int n) {
    List<WorkflowHandle<Object>> handles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      handles.add(RemoteJobs.start(s.engine(), "in" + i, 0, false));
    }
    Awaitility.await()
        .atMost(WAIT)
        .alias(n + " activity tasks ready")
        .until(
            () ->
                s.engine()
                        .store()
                        .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                        .activityTasks()
                    == n);
    return handles;
  }

  private static Map<String, Object> body(Object maxTasks, Object... more) {
    Map<String, Object> body = new HashMap<>();
    body.put("identity", "batch-worker");
    body.put("maxTasks", maxTasks);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  private static List<JsonNode> tasks(Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    a.json().path("tasks").forEach(tasks::add);
    return tasks;
  }

  private static Answer complete(ApiCalls api, JsonNode task, Object result) {
    return api.post(
        "/api/v1/namespaces/default/activity-tasks/"
            + task.path("taskToken").asText()
            + "/complete",
        Map.of("result", result));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void oneBatchPollHandsOutEveryReadyTaskAndEachCompletes(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      List<WorkflowHandle<Object>> handles = startReady(s, 4);
      ApiCalls api = s.calls();

      List<JsonNode> tasks =
          tasks(api.post(POLL_BATCH, body(8, "activityTypes", List.of("Process"))));

      assertThat(tasks).hasSize(4);
      assertThat(tasks)
          .extracting(t -> t.path("workflowId").asText())
          .containsExactlyInAnyOrderElementsOf(
              handles.stream().map(WorkflowHandle::workflowId).toList());
      assertThat(tasks)
          .allSatisfy(
              t -> {
                assertThat(t.path("activityType").asText()).isEqualTo("Process");
                assertThat(t.path("attempt").asInt()).isEqualTo(1);
              });
      for (JsonNode t : tasks) {
        Answer done = complete(api, t, "r-" + t.path("workflowId").asText());
        assertThat(done.status()).as(done.body()).isEqualTo(204);
      }
      for (WorkflowHandle<Object> h : handles) {
        assertThat(h.getResult(String.class)).isEqualTo("[r-" + h.workflowId() + "]");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchPollHandsOutNoMoreThanMaxTasks(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      List<WorkflowHandle<Object>> handles = startReady(s, 3);
      ApiCalls api = s.calls();

      List<JsonNode> first = tasks(api.post(POLL_BATCH, body(2)));
      List<JsonNode> second = tasks(api.post(POLL_BATCH, body(2)));
      List<JsonNode> third = tasks(api.post(POLL_BATCH, body(2, "wait", "PT0S")));

      assertThat(first).hasSize(2);
      assertThat(second).hasSize(1);
      assertThat(third).isEmpty();
      List<JsonNode> all = new ArrayList<>(first);
      all.addAll(second);
      assertThat(all).extracting(t -> t.path("taskToken").asText()).doesNotHaveDuplicates();
      for (JsonNode t : all) {
        assertThat(complete(api, t, "ok").status()).isEqualTo(204);
      }
      for (WorkflowHandle<Object> h : handles) {
        assertThat(h.getResult(String.class)).isEqualTo("[ok]");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchPollOfOtherTypesAnswersAnEmptyListAfterItsWaitAndTakesNothing(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      startReady(s, 2);
      ApiCalls api = s.calls();

      Answer other =
          api.post(POLL_BATCH, body(5, "activityTypes", List.of("Other"), "wait", "PT0.2S"));

      assertThat(tasks(other)).isEmpty();
      assertThat(other.body()).isEqualTo("{\"tasks\":[]}");
      assertThat(
              s.engine()
                  .store()
                  .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                  .activityTasks())
          .isEqualTo(2);
      assertThat(tasks(api.post(POLL_BATCH, body(5, "activityTypes", List.of("Process")))))
          .hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchPollWithNothingReadyAnswersAnEmptyListAfterItsWait(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      Answer a = s.calls().post(POLL_BATCH, body(8, "wait", "PT0.2S"));

      assertThat(tasks(a)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBadMaxTasksIsRefusedWithAProblemNamingItAndTakesNothing(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      startReady(s, 1);
      ApiCalls api = s.calls();
      StoreStats before = s.engine().store().stats();

      Map<String, Object> missing = body(1);
      missing.remove("maxTasks");
      List<Object> bodies =
          List.of(body(0), body(101), body(-3), body("8"), body(1.5), missing, body(null));
      for (Object bad : bodies) {
        Answer a = api.post(POLL_BATCH, bad);
        assertThat(a.status()).as("%s: %s", bad, a.body()).isEqualTo(400);
        assertThat(a.json().path("field").asText()).as("%s", bad).isEqualTo("maxTasks");
      }
      Answer tooMany = api.post(POLL_BATCH, body(101));
      assertThat(tooMany.json().path("detail").asText()).contains("from 1 to 100", "was 101");
      Answer noIdentity = api.post(POLL_BATCH, Map.of("maxTasks", 2));
      assertThat(noIdentity.status()).isEqualTo(400);
      assertThat(noIdentity.json().path("field").asText()).isEqualTo("identity");
      Answer badWait = api.post(POLL_BATCH, body(2, "wait", "PT1M"));
      assertThat(badWait.status()).isEqualTo(400);
      assertThat(badWait.json().path("field").asText()).isEqualTo("wait");
      assertThat(s.engine().store().stats()).isEqualTo(before);
      assertThat(
              s.engine()
                  .store()
                  .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                  .activityTasks())
          .isEqualTo(1);
    }
  }

  private static Map<String, Object> report(JsonNode task, Object result) {
    return Map.of("taskToken", task.path("taskToken").asText(), "result", result);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPollCarryingReportsRecordsThemFirstAndAnswersTheirOutcomesWithTheNextTasks(TestStore store)
      throws Exception {
    try (ApiServer s = server(store, dir)) {
      List<WorkflowHandle<Object>> first = startReady(s, 2);
      ApiCalls api = s.calls();
      Answer plain = api.post(POLL_BATCH, body(2));
      List<JsonNode> tasks = tasks(plain);
      assertThat(tasks).hasSize(2);
      assertThat(plain.json().has("outcomes")).as("no reports, no outcomes").isFalse();
      Map<String, JsonNode> byWorkflow = new HashMap<>();
      tasks.forEach(t -> byWorkflow.put(t.path("workflowId").asText(), t));
      WorkflowHandle<Object> third = RemoteJobs.start(s.engine(), "in2", 0, false);

      Answer next =
          api.post(
              POLL_BATCH,
              body(
                  8,
                  "reports",
                  List.of(
                      report(byWorkflow.get(first.get(0).workflowId()), "r0"),
                      Map.of(
                          "taskToken",
                          byWorkflow.get(first.get(1).workflowId()).path("taskToken").asText(),
                          "failure",
                          Map.of("type", "BadInput", "message", "no", "nonRetryable", true)),
                      Map.of("taskToken", "not-a-token", "result", 1))));

      List<JsonNode> outcomes = new ArrayList<>();
      next.json().path("outcomes").forEach(outcomes::add);
      assertThat(outcomes)
          .extracting(o -> o.path("outcome").asText())
          .containsExactly("completed", "failed", "refused");
      assertThat(outcomes.get(2).path("problem").path("status").asInt()).isEqualTo(404);
      List<JsonNode> nextTasks = tasks(next);
      assertThat(nextTasks)
          .singleElement()
          .satisfies(t -> assertThat(t.path("workflowId").asText()).isEqualTo(third.workflowId()));
      assertThat(first.get(0).getResult(String.class)).isEqualTo("[r0]");
      assertThat(catchThrowable(() -> first.get(1).getResult(String.class)))
          .isInstanceOf(WorkflowFailedException.class);

      Answer last =
          api.post(
              POLL_BATCH,
              body(8, "wait", "PT0S", "reports", List.of(report(nextTasks.get(0), "r2"))));
      assertThat(tasks(last)).isEmpty();
      assertThat(last.json().path("outcomes").path(0).path("outcome").asText())
          .isEqualTo("completed");
      assertThat(third.getResult(String.class)).isEqualTo("[r2]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBadReportIsA400NamingItThatNeitherRecordsNorLeases(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      startReady(s, 1);
      ApiCalls api = s.calls();
      JsonNode held = tasks(api.post(POLL_BATCH, body(1))).get(0);
      RemoteJobs.start(s.engine(), "waiting", 0, false);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  s.engine()
                          .store()
                          .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                          .activityTasks()
                      == 1);
      StoreStats before = s.engine().store().stats();
      Map<String, Object> good = report(held, "r");

      Map<Object, String> bad = new LinkedHashMap<>();
      bad.put(
          body(8, "reports", List.of(good, Map.of("result", "no token"))), "reports[1].taskToken");
      bad.put(
          body(8, "reports", List.of(good, Map.of("taskToken", "t", "failure", Map.of()))),
          "reports[1].failure.type");
      bad.put(body(8, "reports", Collections.nCopies(101, good)), "reports");
      bad.put(body(8, "reports", "all"), "reports");
      for (Map.Entry<Object, String> b : bad.entrySet()) {
        Answer a = api.post(POLL_BATCH, b.getKey());
        assertThat(a.status()).as("%s: %s", b.getKey(), a.body()).isEqualTo(400);
        assertThat(a.json().path("field").asText()).as("%s", b.getKey()).isEqualTo(b.getValue());
      }
      assertThat(s.engine().store().stats()).isEqualTo(before);
      assertThat(
              s.engine()
                  .store()
                  .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                  .activityTasks())
          .isEqualTo(1);
    }
  }
}
