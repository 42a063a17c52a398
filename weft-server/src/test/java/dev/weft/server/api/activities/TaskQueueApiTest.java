package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowHandle;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Task queues over HTTP, on both stores: describe (backlog, pollers), pause and resume. */
class TaskQueueApiTest {
  static final String QUEUES = "/api/v1/namespaces/default/task-queues/";
  static final String POLL = QUEUES + "jobs-remote/activity-tasks/poll";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void describeShowsTheBacklogItsAgeAndThePollersOfBothKinds(TestStore store) {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();
      assertThat(api.post(POLL, Map.of("identity", "py-1", "wait", "PT0S")).status())
          .isEqualTo(204);
      RemoteJobs.start(s.engine(), "a", 0, false);
      RemoteJobs.start(s.engine(), "b", 0, false);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get(QUEUES + "jobs-remote")
                          .json()
                          .path("backlog")
                          .path("activityTasks")
                          .asInt()
                      == 2);

      JsonNode remote = api.get(QUEUES + "jobs-remote").json();
      JsonNode local = api.get(QUEUES + "jobs").json();

      assertThat(remote.path("taskQueue").asText()).isEqualTo("jobs-remote");
      assertThat(remote.path("paused").asBoolean()).isFalse();
      assertThat(remote.path("backlog").path("workflowTasks").asInt()).isZero();
      assertThat(remote.path("backlog").path("oldestTaskAge").asText()).startsWith("PT");
      assertThat(remote.path("pollers")).hasSize(1);
      assertThat(remote.path("pollers").get(0).path("identity").asText()).isEqualTo("py-1");
      assertThat(remote.path("pollers").get(0).path("remote").asBoolean()).isTrue();
      assertThat(remote.path("pollers").get(0).path("kind").asText()).isEqualTo("ACTIVITY");
      assertThat(local.path("pollers").findValuesAsText("kind")).contains("WORKFLOW");
      assertThat(local.path("pollers").findValuesAsText("remote")).containsOnly("false");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listShowsEveryKnownQueueAsDescribeDoes(TestStore store) {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();
      String list = "/api/v1/namespaces/default/task-queues";
      assertThat(api.get(list).json().path("taskQueues").findValuesAsText("taskQueue"))
          .contains("jobs")
          .doesNotContain("jobs-remote");
      api.post(POLL, Map.of("identity", "py-1", "wait", "PT0S"));
      api.post(QUEUES + "jobs-remote/pause", Map.of("reason", "deploy"));
      RemoteJobs.start(s.engine(), "a", 0, false);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get(QUEUES + "jobs-remote")
                          .json()
                          .path("backlog")
                          .path("activityTasks")
                          .asInt()
                      == 1);

      Answer answer = api.get(list);
      assertThat(answer.status()).isEqualTo(200);
      JsonNode queues = answer.json().path("taskQueues");
      assertThat(queues.findValuesAsText("taskQueue")).isSorted().contains("jobs", "jobs-remote");
      JsonNode remote = null;
      for (JsonNode q : queues) {
        if (q.path("taskQueue").asText().equals("jobs-remote")) {
          remote = q;
        }
      }
      assertThat(remote).isNotNull();
      assertThat(remote.path("paused").asBoolean()).isTrue();
      assertThat(remote.path("pauseReason").asText()).isEqualTo("deploy");
      assertThat(remote.path("backlog").path("activityTasks").asInt()).isEqualTo(1);
      assertThat(remote.path("backlog").path("workflowTasks").asInt()).isZero();
      assertThat(remote.path("pollers")).hasSize(1);
      assertThat(remote.path("pollers").get(0).path("identity").asText()).isEqualTo("py-1");
      assertThat(s.engine().listTaskQueues())
          .extracting(d -> d.taskQueue())
          .containsAll(queues.findValuesAsText("taskQueue"));
      assertThat(api.get("/api/v1/namespaces/nope/task-queues").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPausedQueueHandsOutNothingUntilResumed(TestStore store) throws Exception {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();
      api.post(POLL, Map.of("identity", "w", "wait", "PT0S"));

      Answer paused = api.post(QUEUES + "jobs-remote/pause", Map.of("reason", "deploy"));
      assertThat(paused.status()).isEqualTo(200);
      assertThat(paused.json().path("paused").asBoolean()).isTrue();
      assertThat(paused.json().path("pauseReason").asText()).isEqualTo("deploy");
      WorkflowHandle<Object> h = RemoteJobs.start(s.engine(), "a", 0, false);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get(QUEUES + "jobs-remote")
                          .json()
                          .path("backlog")
                          .path("activityTasks")
                          .asInt()
                      == 1);
      assertThat(api.post(POLL, Map.of("identity", "w", "wait", "PT0.2S")).status()).isEqualTo(204);

      Answer resumed = api.post(QUEUES + "jobs-remote/resume", null);
      assertThat(resumed.status()).isEqualTo(200);
      assertThat(resumed.json().path("paused").asBoolean()).isFalse();
      Answer polled = api.post(POLL, Map.of("identity", "w"));
      assertThat(polled.status()).isEqualTo(200);
      api.post(
          "/api/v1/namespaces/default/activity-tasks/"
              + polled.json().path("taskToken").asText()
              + "/complete",
          Map.of("result", "done"));
      assertThat(h.getResult(String.class)).isEqualTo("[done]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownQueueOrNamespaceIs404(TestStore store) {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();
      Answer unknown = api.get(QUEUES + "nobody");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemType()).isEqualTo("task-queue-not-found");
      assertThat(unknown.json().path("field").asText()).isEqualTo("taskQueue");
      assertThat(api.post(QUEUES + "nobody/pause", Map.of()).problemType())
          .isEqualTo("task-queue-not-found");
      assertThat(api.post(QUEUES + "nobody/resume", null).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/namespaces/other/task-queues/jobs").problemType())
          .isEqualTo("namespace-not-found");
      assertThat(api.post(QUEUES + "jobs/pause", "{\"why\":1}").status()).isEqualTo(400);
    }
  }
}
