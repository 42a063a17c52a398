package dev.weft.server.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.server.WeftServerOptions;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.server.testsupport.OpenApiDocument;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of malformed requests, derived from the server's routes and its OpenAPI document (see
 * {@link MalformedRequests}), each answered with a 4xx problem document that matches the document
 * (never a 5xx), and the store, every row of every table, the same afterwards.
 */
class MalformedRequestsTest {
  @TempDir Path dir;

  @Test
  void everyMalformedRequestIsA4xxProblemAndChangesNothing() {
    try (ApiServer api = TestWorkflows.server(TestStore.SQLITE, dir)) {
      ApiCalls calls = api.calls();
      String running = "malformed-running";
      String done = "malformed-done";
      calls.post(
          "/api/v1/namespaces/default/workflows",
          Map.of(
              "workflowType",
              "Account",
              "args",
              List.of(5),
              "options",
              Map.of("workflowId", running, "taskQueue", TestWorkflows.QUEUE)));
      calls.post(
          "/api/v1/namespaces/default/workflows",
          Map.of(
              "workflowType",
              "Greeter",
              "args",
              List.of("x"),
              "options",
              Map.of("workflowId", done, "taskQueue", TestWorkflows.QUEUE)));
      assertThat(calls.get("/api/v1/namespaces/default/workflows/" + done + "/result").status())
          .isEqualTo(200);
      await()
          .until(
              () ->
                  calls
                          .post(
                              "/api/v1/namespaces/default/workflows/"
                                  + running
                                  + "/queries/balance",
                              null)
                          .json()
                          .path("result")
                          .asInt()
                      == 5);
      Path file = dir.resolve("weft.db");
      AtomicReference<Map<String, List<String>>> last = new AtomicReference<>(StoreDump.of(file));
      await()
          .until(
              () -> {
                Map<String, List<String>> now = StoreDump.of(file);
                return now.equals(last.getAndSet(now));
              });
      Map<String, List<String>> before = last.get();

      MalformedRequests generator =
          new MalformedRequests(
              OpenApiDocument.get().root(),
              Map.of(
                  "namespace", "default",
                  "workflowId", running,
                  "signalName", "deposit",
                  "queryName", "balance",
                  "updateName", "withdraw",
                  "assetKey", "market%2Fraw_trades"),
              WeftServerOptions.DEFAULT_MAX_REQUEST_BYTES);
      List<ApiRoute> routes = api.server().routes();
      List<MalformedRequests.Request> requests = generator.all(routes);
      assertThat(requests).hasSizeGreaterThanOrEqualTo(500);

      List<String> wrong = new ArrayList<>();
      for (MalformedRequests.Request r : requests) {
        ApiCalls.Answer a;
        try {
          a = calls.send(r.method(), r.path(), r.body(), Map.of());
        } catch (AssertionError e) {
          wrong.add(r.label() + ": " + e.getMessage());
          continue;
        }
        if (a.status() < 400
            || a.status() > 499
            || !a.contentType().startsWith("application/problem+json")) {
          wrong.add(r.label() + " -> " + a.status() + " " + abbreviate(a.body()));
        }
      }
      assertThat(wrong)
          .as("of %s requests, those not refused with a 4xx problem document", requests.size())
          .isEmpty();
      System.out.println(requests.size() + " malformed requests, all refused");

      Map<String, List<String>> after = StoreDump.of(file);
      for (String table : before.keySet()) {
        assertThat(after.get(table)).as("table %s", table).isEqualTo(before.get(table));
      }
      assertThat(after.keySet()).isEqualTo(before.keySet());
      // the dump sees a change: one well-formed signal is a new row
      assertThat(before.values().stream().mapToInt(List::size).sum()).isPositive();
      assertThat(
              calls
                  .post(
                      "/api/v1/namespaces/default/workflows/" + running + "/signals/deposit",
                      Map.of("args", List.of(1)))
                  .status())
          .isEqualTo(204);
      assertThat(StoreDump.of(file)).isNotEqualTo(before);
      assertThat(
              calls
                  .get("/api/v1/namespaces/default/workflows/" + running)
                  .json()
                  .path("status")
                  .asText())
          .isEqualTo("RUNNING");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
