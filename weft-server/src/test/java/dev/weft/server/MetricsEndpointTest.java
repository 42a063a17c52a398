package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowOptions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /metrics}: a Prometheus scrape after a workflow ran shows the engine's meters, the
 * store's and the HTTP requests by route template and status, in Prometheus names; a server without
 * a registry has no such route.
 */
class MetricsEndpointTest {

  @ActivityInterface
  public interface Greeter {
    String greet(String name);
  }

  public static class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  @WorkflowInterface
  public interface Greeting {
    @WorkflowMethod
    String run(String name);
  }

  public static class GreetingImpl implements Greeting {
    @Override
    public String run(String name) {
      return Workflow.newActivityStub(
              Greeter.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build())
          .greet(name);
    }
  }

  private static ApiServer serve(TestStore store, Path dir, PrometheusMeterRegistry registry) {
    return ApiServer.start(
        store,
        dir,
        e ->
            e.newWorker("greetings")
                .registerWorkflow(Greeting.class, GreetingImpl::new)
                .registerActivities(new GreeterImpl()),
        WeftServerOptions.defaults().withPort(0).withMeterRegistry(registry));
  }

  /** The scrape's samples: {@code name{labels}} to value (labels as Prometheus orders them). */
  private static Map<String, Double> samples(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aScrapeAfterAWorkflowShowsEngineStoreAndHttpMeters(TestStore store, @TempDir Path dir) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ApiServer api = serve(store, dir, registry)) {
      String result =
          api.engine()
              .client()
              .start("Greeting", WorkflowOptions.newBuilder().taskQueue("greetings").build(), "ada")
              .getResult(String.class);
      assertThat(result).isEqualTo("hello ada");
      assertThat(api.calls().get("/api/v1/health").status()).isEqualTo(200);
      assertThat(api.calls().get("/api/v1/health").status()).isEqualTo(200);
      assertThat(api.calls().get("/api/v1/no-such-route").status()).isEqualTo(404);

      ApiCalls.Answer scrape = api.calls().sendUnchecked("GET", "/metrics", null, Map.of());

      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
      Map<String, Double> s = samples(scrape.body());
      assertThat(s)
          .containsEntry("weft_workflow_started_total{workflow_type=\"Greeting\"}", 1.0)
          .containsEntry(
              "weft_workflow_closed_total{status=\"completed\",workflow_type=\"Greeting\"}", 1.0)
          .containsEntry(
              "weft_activity_execution_seconds_count{activity_type=\"Greet\","
                  + "task_queue=\"greetings\"}",
              1.0)
          .containsEntry(
              "weft_activity_schedule_to_start_seconds_count{activity_type=\"Greet\","
                  + "task_queue=\"greetings\"}",
              1.0)
          .containsEntry("weft_task_queue_backlog{kind=\"workflow\",task_queue=\"greetings\"}", 0.0)
          .containsEntry(
              "weft_task_queue_oldest_age_seconds{kind=\"activity\",task_queue=\"greetings\"}", 0.0)
          .containsEntry(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/health\","
                  + "status=\"200\"}",
              2.0)
          .containsEntry(
              "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                  + "status=\"404\"}",
              1.0);
      assertThat(s.get("weft_workflow_task_latency_seconds_count{workflow_type=\"Greeting\"}"))
          .isGreaterThanOrEqualTo(2.0);
      assertThat(s.get("weft_workflow_task_latency_seconds_sum{workflow_type=\"Greeting\"}"))
          .isPositive();
      assertThat(s.get("weft_store_commit_seconds_count")).isGreaterThanOrEqualTo(2.0);
      assertThat(s.get("weft_store_commit_group_size_sum"))
          .isGreaterThanOrEqualTo(s.get("weft_store_commit_group_size_count"));
      assertThat(s)
          .doesNotContainKey("weft_nondeterminism_errors_total{workflow_type=\"Greeting\"}");
      // route templates only: no raw path of an unmatched request becomes a label
      assertThat(scrape.body()).doesNotContain("no-such-route");
    }
  }

  @Test
  void withoutARegistryThereIsNoMetricsRoute(@TempDir Path dir) {
    try (ApiServer api = ApiServer.start(TestStore.SQLITE, dir, e -> {})) {
      ApiCalls.Answer a = api.calls().get("/metrics");
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.problemType()).isEqualTo("route-not-found");
      assertThat(api.server().routes()).noneMatch(r -> r.path().equals("/metrics"));
    }
  }
}
