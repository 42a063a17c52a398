package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST .../workflow-imports}: a history exported from one server (the JSON of {@code
 * WorkflowHistory.toJson()}) becomes the same run, closed, on another; importing it again is 409
 * naming the run; a body that is not a history is 400 and writes nothing.
 */
class WorkflowImportRouteTest {
  static final String IMPORTS = "/api/v1/namespaces/default/workflow-imports";

  @TempDir static Path dir;
  static final Servers origin = new Servers(() -> dir.resolve("origin"));
  static final Servers target = new Servers(() -> dir.resolve("target"));

  @AfterAll
  static void stop() {
    origin.close();
    target.close();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anExportedHistoryImportsAsTheSameRunOnceOnly(TestStore store) {
    ApiCalls from = origin.calls(store);
    String id = Servers.id("imported");
    String runId =
        from.post(Servers.WORKFLOWS, Servers.start("Greeter", id, "Ada"))
            .json()
            .path("runId")
            .asText();
    assertThat(from.get(Servers.workflow(id) + "/result").json().path("result").asText())
        .isEqualTo("Hello, Ada");
    String exported = origin.server(store).engine().client().getHandle(id).fetchHistory().toJson();

    ApiCalls to = target.calls(store);
    Answer imported = to.post(IMPORTS, exported);

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("workflowId").asText()).isEqualTo(id);
    assertThat(imported.json().path("runId").asText()).isEqualTo(runId);
    JsonNode described = to.get(Servers.workflow(id)).json();
    assertThat(described.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(described.path("runId").asText()).isEqualTo(runId);
    assertThat(to.get(Servers.workflow(id) + "/result").json().path("result").asText())
        .isEqualTo("Hello, Ada");

    JsonNode again =
        Problems.assertProblem(to.post(IMPORTS, exported), 409, "workflow-already-started").json();
    assertThat(again.path("workflowId").asText()).isEqualTo(id);
    assertThat(again.path("runId").asText()).isEqualTo(runId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBodyThatIsNotAHistoryIsRefusedAndWritesNothing(TestStore store) {
    ApiCalls to = target.calls(store);
    StoreStats before = target.server(store).engine().store().stats();

    Problems.assertProblem(to.post(IMPORTS, "[1, 2]"), 400, "invalid-argument");
    Problems.assertProblem(
        to.post(IMPORTS, Map.of("workflowId", "w", "runId", "r", "events", java.util.List.of())),
        400,
        "invalid-argument");
    Problems.assertProblem(to.post(IMPORTS, "null"), 400, "invalid-argument");
    Problems.assertProblem(to.send("POST", IMPORTS, null, Map.of()), 400, "missing-body");
    Problems.assertProblem(to.post(IMPORTS + "?runId=r", "{}"), 400, "unknown-parameter");

    assertThat(target.server(store).engine().store().stats()).isEqualTo(before);
  }
}
