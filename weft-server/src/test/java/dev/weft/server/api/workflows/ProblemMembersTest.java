package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Problem documents carry the identifiers of the refusal as RFC 9457 extension members, so that a
 * client need not parse {@code detail}: the existing run of a duplicate start, the workflow and run
 * that were not found or not running, the unknown queue (with the known ones) and namespace.
 */
class ProblemMembersTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDuplicateStartNamesTheWorkflowAndTheExistingRun(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("dup");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 10)).json().path("runId").asText();

    JsonNode p =
        Problems.assertProblem(
                api.post(Servers.WORKFLOWS, Servers.start("Account", id, 10)),
                409,
                "workflow-already-started")
            .json();

    assertThat(p.path("workflowId").asText()).isEqualTo(id);
    assertThat(p.path("runId").asText()).isEqualTo(runId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMissingWorkflowOrRunIsNamed(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("missing");

    JsonNode anyRun =
        Problems.assertProblem(api.get(Servers.workflow(id)), 404, "workflow-not-found").json();
    JsonNode oneRun =
        Problems.assertProblem(
                api.get(Servers.workflow(id) + "?runId=r-1"), 404, "workflow-not-found")
            .json();

    assertThat(anyRun.path("workflowId").asText()).isEqualTo(id);
    assertThat(anyRun.has("runId")).as(anyRun.toString()).isFalse();
    assertThat(oneRun.path("workflowId").asText()).isEqualTo(id);
    assertThat(oneRun.path("runId").asText()).isEqualTo("r-1");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aClosedRunIsNamedWithItsStatus(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("closed");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 10)).json().path("runId").asText();
    api.post(Servers.workflow(id) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(id) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");

    JsonNode p =
        Problems.assertProblem(
                api.post(
                    Servers.workflow(id) + "/signals/deposit?runId=" + runId,
                    Map.of("args", List.of(1))),
                409,
                "workflow-not-running")
            .json();

    assertThat(p.path("workflowId").asText()).isEqualTo(id);
    assertThat(p.path("runId").asText()).isEqualTo(runId);
    assertThat(p.path("runStatus").asText()).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownQueueIsNamedWithTheKnownOnes(TestStore store) {
    ApiCalls api = servers.calls(store);

    JsonNode p =
        Problems.assertProblem(
                api.get("/api/v1/namespaces/default/task-queues/no-such-queue"),
                404,
                "task-queue-not-found")
            .json();

    assertThat(p.path("taskQueue").asText()).isEqualTo("no-such-queue");
    List<String> known = new ArrayList<>();
    p.path("known").forEach(n -> known.add(n.asText()));
    assertThat(known).contains(TestWorkflows.QUEUE).isSorted();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownNamespaceIsNamed(TestStore store) {
    JsonNode p =
        Problems.assertProblem(
                servers.calls(store).get("/api/v1/namespaces/elsewhere/workflows"),
                404,
                "namespace-not-found")
            .json();

    assertThat(p.path("namespace").asText()).isEqualTo("elsewhere");
  }
}
