package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote activity workers over HTTP, on both stores: poll, heartbeat, complete, fail; the lease
 * rules (a late report is 409 and writes nothing; a silent worker times out by its heartbeat
 * timeout), retries after a remote failure, and a cancel seen through a heartbeat.
 */
class ActivityTaskApiTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String POLL =
      "/api/v1/namespaces/default/task-queues/jobs-remote/activity-tasks/poll";

  @TempDir Path dir;

  private static ApiServer server(TestStore store, Path dir) {
    return ApiServer.start(store, dir, RemoteJobs::register);
  }

  private static String task(String token, String what) {
    return "/api/v1/namespaces/default/activity-tasks/" + token + "/" + what;
  }

  /** Polls until a task comes (each poll waits up to the server's limit). */
  private static JsonNode pollTask(ApiCalls api) {
    Answer a =
        api.post(POLL, Map.of("identity", "test-worker", "activityTypes", List.of("Process")));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRemoteWorkerCompletesTheActivityOverHttp(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "payload", 0, false);
      ApiCalls api = s.calls();

      JsonNode task = pollTask(api);

      assertThat(task.path("activityType").asText()).isEqualTo("Process");
      assertThat(task.path("workflowId").asText()).isEqualTo(h.workflowId());
      assertThat(task.path("attempt").asInt()).isEqualTo(1);
      assertThat(task.path("input").toString()).isEqualTo("[\"payload\"]");
      assertThat(task.path("startToCloseTimeout").asText()).isEqualTo("PT5M");
      String token = task.path("taskToken").asText();
      Answer hb = api.post(task(token, "heartbeat"), Map.of("details", Map.of("done", 3)));
      assertThat(hb.status()).isEqualTo(200);
      assertThat(hb.json().path("cancelRequested").asBoolean()).isFalse();
      assertThat(api.post(task(token, "complete"), Map.of("result", "processed")).status())
          .isEqualTo(204);
      assertThat(h.getResult(String.class)).isEqualTo("[processed]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPollWithNothingReadyAnswers204AfterItsWait(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      Answer a = s.calls().post(POLL, Map.of("identity", "w", "wait", "PT0.2S"));

      assertThat(a.status()).isEqualTo(204);
      assertThat(a.body()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aReportAfterTheAttemptWasRetriedIs409AndChangesNothing(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "x", 0, false);
      ApiCalls api = s.calls();
      String first = pollTask(api).path("taskToken").asText();
      api.post(task(first, "heartbeat"), Map.of("details", "halfway"));
      Answer failed =
          api.post(
              task(first, "fail"),
              Map.of("type", "Flaky", "message", "try again", "details", Map.of("code", 7)));
      assertThat(failed.status()).as(failed.body()).isEqualTo(204);

      JsonNode second = pollTask(api);
      assertThat(second.path("attempt").asInt()).isEqualTo(2);
      assertThat(second.path("heartbeatDetails").asText()).isEqualTo("halfway");
      StoreStats before = s.engine().store().stats();
      for (String what : List.of("complete", "heartbeat", "fail")) {
        Answer late =
            api.post(task(first, what), what.equals("fail") ? Map.of("type", "Late") : "{}");
        assertThat(late.status()).as(what + ": " + late.body()).isEqualTo(409);
        assertThat(late.problemType()).isEqualTo("activity-lease-lost");
        assertThat(late.json().path("runId").asText()).isEqualTo(h.runId());
        assertThat(late.json().path("seq").isIntegralNumber()).as(late.body()).isTrue();
      }
      assertThat(s.engine().store().stats()).isEqualTo(before);
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      api.post(task(second.path("taskToken").asText(), "complete"), Map.of("result", "ok"));
      assertThat(h.getResult(String.class)).isEqualTo("[ok]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNonRetryableFailureFailsTheWorkflowWithItsTypeAndMessage(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "x", 0, false);
      String token = pollTask(s.calls()).path("taskToken").asText();

      s.calls()
          .post(
              task(token, "fail"),
              Map.of("type", "BadInput", "message", "cannot parse x", "nonRetryable", true));

      Assertions.assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .rootCause()
          .hasMessageContaining("cannot parse x");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSilentWorkerTimesOutByItsHeartbeatTimeoutAndTheNextAttemptGetsItsDetails(TestStore store)
      throws Exception {
    try (ApiServer s = server(store, dir)) {
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "x", 1_000, false);
      ApiCalls api = s.calls();
      JsonNode first = pollTask(api);
      assertThat(first.path("heartbeatTimeout").asText()).isEqualTo("PT1S");
      String token = first.path("taskToken").asText();
      api.post(task(token, "heartbeat"), Map.of("details", 41));

      // silence: the lease ends a second after the heartbeat and attempt 2 is offered
      JsonNode second = pollTask(api);

      assertThat(second.path("attempt").asInt()).isEqualTo(2);
      assertThat(second.path("heartbeatDetails").asInt()).isEqualTo(41);
      assertThat(api.post(task(token, "complete"), Map.of("result", "late")).status())
          .isEqualTo(409);
      api.post(task(second.path("taskToken").asText(), "complete"), Map.of("result", "on time"));
      assertThat(h.getResult(String.class)).isEqualTo("[on time]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aHeartbeatTellsTheWorkerThatTheWorkflowCancelledAndTheWorkerReportsIt(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "x", 0, true);
      ApiCalls api = s.calls();
      String token = pollTask(api).path("taskToken").asText();
      Answer early = api.post(task(token, "canceled"), null);
      assertThat(early.status()).as(early.body()).isEqualTo(409);
      assertThat(early.json().path("detail").asText()).contains("has not requested the cancel");

      h.cancel("the test cancels");

      Awaitility.await()
          .atMost(WAIT)
          .alias("a heartbeat answers cancelRequested")
          .until(
              () ->
                  api.post(task(token, "heartbeat"), "{}")
                      .json()
                      .path("cancelRequested")
                      .asBoolean());
      assertThat(api.post(task(token, "canceled"), null).status()).isEqualTo(204);
      Awaitility.await().atMost(WAIT).until(() -> h.describe().status() == WorkflowStatus.CANCELED);
      assertThat(api.post(task(token, "canceled"), null).status()).isEqualTo(409);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badRequestsAreRefusedWithAProblemThatNamesThem(TestStore store) {
    try (ApiServer s = server(store, dir)) {
      ApiCalls api = s.calls();
      StoreStats before = s.engine().store().stats();

      Answer otherNamespace =
          api.post(
              "/api/v1/namespaces/elsewhere/task-queues/jobs-remote/activity-tasks/poll",
              Map.of("identity", "w"));
      assertThat(otherNamespace.status()).isEqualTo(404);
      assertThat(otherNamespace.problemType()).isEqualTo("namespace-not-found");
      Answer noIdentity = api.post(POLL, Map.of("wait", "PT1S"));
      assertThat(noIdentity.status()).isEqualTo(400);
      assertThat(noIdentity.json().path("field").asText()).isEqualTo("identity");
      Answer tooLong = api.post(POLL, Map.of("identity", "w", "wait", "PT5M"));
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.json().path("field").asText()).isEqualTo("wait");
      Answer badWait = api.post(POLL, Map.of("identity", "w", "wait", "soon"));
      assertThat(badWait.status()).isEqualTo(400);
      assertThat(badWait.json().path("field").asText()).isEqualTo("wait");
      Answer unknownField = api.post(POLL, Map.of("identity", "w", "queue", "x"));
      assertThat(unknownField.status()).isEqualTo(400);
      assertThat(unknownField.json().path("field").asText()).isEqualTo("queue");
      Answer notAToken = api.post(task("not-a-token", "complete"), Map.of("result", 1));
      assertThat(notAToken.status()).isEqualTo(404);
      assertThat(notAToken.problemType()).isEqualTo("activity-not-found");
      Answer failWithoutType = api.post(task("not-a-token", "fail"), Map.of("message", "m"));
      assertThat(failWithoutType.status()).isEqualTo(400);
      assertThat(failWithoutType.json().path("field").asText()).isEqualTo("type");
      Answer malformed = api.post(task("not-a-token", "heartbeat"), "{\"details\":");
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(s.engine().store().stats()).isEqualTo(before);
    }
  }
}
