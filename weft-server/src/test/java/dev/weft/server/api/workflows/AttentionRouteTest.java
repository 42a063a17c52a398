package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET .../attention}: running runs whose workflow task fails, newest first, a page at a
 * time, with their reasons; bad paging is a problem naming the parameter. Each store gets its own
 * server, so the runs listed are this test's only.
 */
class AttentionRouteTest {
  static final String ATTENTION = "/api/v1/namespaces/default/attention";
  static final String QUEUE = "attention-tests";

  @WorkflowInterface
  public interface Broken {
    @WorkflowMethod
    String run(String order);
  }

  /** Has a bug: the exception fails the workflow task, retried until a fix. */
  public static class BrokenImpl implements Broken {
    @Override
    public String run(String order) {
      throw new IllegalStateException("bug in order " + order);
    }
  }

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listsFailingRunsNewestFirstAPageAtATime(TestStore store) {
    try (ApiServer server =
        ApiServer.start(
            store, dir, e -> e.newWorker(QUEUE).registerWorkflow(Broken.class, BrokenImpl::new))) {
      ApiCalls api = server.calls();
      for (int i = 0; i < 3; i++) {
        Answer started =
            api.post(
                Servers.WORKFLOWS,
                Map.of(
                    "workflowType",
                    "Broken",
                    "args",
                    List.of("o-" + i),
                    "options",
                    Map.of("workflowId", "broken-" + i, "taskQueue", QUEUE)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = "broken-" + i;
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.get(Servers.workflow(id)).json().path("workflowTaskAttempt").asInt() > 1);
      }

      Answer all = api.get(ATTENTION);
      assertThat(all.status()).as(all.body()).isEqualTo(200);
      assertThat(all.json().has("nextPageToken")).isFalse();
      JsonNode newest = all.json().path("runs").get(0);
      assertThat(newest.path("workflowId").asText()).isEqualTo("broken-2");
      assertThat(newest.path("workflowType").asText()).isEqualTo("Broken");
      assertThat(newest.path("taskQueue").asText()).isEqualTo(QUEUE);
      JsonNode reason = newest.path("reasons").get(0);
      assertThat(reason.path("kind").asText()).isEqualTo("WORKFLOW_TASK_FAILING");
      assertThat(reason.path("attempt").asInt()).isGreaterThan(1);
      assertThat(reason.path("message").asText())
          .isEqualTo("java.lang.IllegalStateException: bug in order o-2");
      assertThat(reason.has("activitySeq")).isFalse();

      List<String> seen = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        Answer page =
            api.get(
                ATTENTION
                    + "?pageSize=2"
                    + (token == null
                        ? ""
                        : "&nextPageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        page.json().path("runs").forEach(r -> seen.add(r.path("workflowId").asText()));
        token =
            page.json().has("nextPageToken") ? page.json().path("nextPageToken").asText() : null;
        pages++;
      } while (token != null);
      assertThat(pages).isEqualTo(2);
      assertThat(seen).containsExactly("broken-2", "broken-1", "broken-0");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badPagingIsAProblemNamingTheParameter(TestStore store) {
    try (ApiServer server = ApiServer.start(store, dir, e -> {})) {
      ApiCalls api = server.calls();
      assertThat(api.get(ATTENTION).json().path("runs")).isEmpty();
      Answer token =
          Problems.assertProblem(
              api.get(ATTENTION + "?nextPageToken=garbage"), 400, "invalid-parameter");
      assertThat(token.json().path("field").asText()).isEqualTo("nextPageToken");
      Answer size =
          Problems.assertProblem(api.get(ATTENTION + "?pageSize=0"), 400, "invalid-parameter");
      assertThat(size.json().path("field").asText()).isEqualTo("pageSize");
      Problems.assertProblem(api.get(ATTENTION + "?query=x"), 400, "unknown-parameter");
      Problems.assertProblem(
          api.get("/api/v1/namespaces/other/attention"), 404, "namespace-not-found");
    }
  }
}
