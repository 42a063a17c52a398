package dev.weft.server.api.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.Sensors;
import dev.weft.schedules.TriggerAction;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sensor routes on both stores, with a sensor defined on the test's engine that greets each new
 * value of a counter: list and describe after an evaluation (its request, derived workflow ID and
 * outcome), pause with a note and unpause, set and reset the cursor, an unknown sensor or namespace
 * as 404; and, on PostgreSQL, a server node that describes the sensor another node runs.
 */
class SensorApiTest {
  private static final String BASE = "/api/v1/namespaces/default/sensors";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final AtomicLong counter = new AtomicLong();

  /** Requests one Greeter run per new counter value (key {@code value-<n>}), else skips. */
  private final SensorFunction greetNewValues =
      context -> {
        long seen = context.cursor() == null ? 0 : Long.parseLong(context.cursor());
        long now = counter.get();
        if (now <= seen) {
          return SensorResult.skip("no new value");
        }
        List<RunRequest> runs = new ArrayList<>();
        for (long v = seen + 1; v <= now; v++) {
          runs.add(
              new RunRequest(
                  "value-" + v,
                  TriggerAction.StartWorkflow.of(
                      "Greeter", TestWorkflows.QUEUE, TextNode.valueOf("value " + v))));
        }
        return SensorResult.requests(Long.toString(now), runs);
      };

  private ApiServer start(TestStore store) {
    return ApiServer.start(
        store,
        dir,
        (WeftEngine engine) -> {
          TestWorkflows.register(engine);
          Sensors.builder(engine)
              .sensor(SensorDefinition.of("greeter", Duration.ofMillis(300), greetNewValues))
              .build();
        });
  }

  private static JsonNode awaitSensor(ApiCalls api, Predicate<JsonNode> condition) {
    Map<String, JsonNode> seen = new HashMap<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ApiCalls.Answer a = api.get(BASE + "/greeter");
              seen.put("last", a.json());
              return a.status() == 200 && condition.test(a.json());
            });
    return seen.get("last");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listAndDescribeShowTheEvaluationsWithTheirRequestsAndOutcomes(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      counter.set(1);

      // the cursor advances before the evaluation is recorded with its requests' outcomes
      JsonNode described = awaitSensor(api, d -> requested(d) != null);
      JsonNode requested = requested(described);
      assertThat(requested.path("cursorAfter").asText()).isEqualTo("1");
      assertThat(requested.path("cursorBefore").isMissingNode()).isTrue();
      assertThat(requested.path("duration").asText()).startsWith("PT");
      JsonNode request = requested.path("requests").get(0);
      assertThat(request.path("dedupeKey").asText()).isEqualTo("value-1");
      assertThat(request.path("workflowId").asText()).isEqualTo("greeter:value-1");
      assertThat(request.path("outcome").asText()).isEqualTo("STARTED");
      assertThat(request.path("runId").asText()).isNotEmpty();
      assertThat(described.path("minimumInterval").asText()).isEqualTo("PT0.3S");

      ApiCalls.Answer list = api.get(BASE);
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.json().path("sensors")).hasSize(1);
      JsonNode summary = list.json().path("sensors").get(0);
      assertThat(summary.path("name").asText()).isEqualTo("greeter");
      assertThat(summary.path("status").asText()).isEqualTo("RUNNING");
      assertThat(summary.path("cursor").asText()).isEqualTo("1");
      assertThat(summary.path("consecutiveFailures").asInt()).isZero();
      assertThat(summary.has("nextEvaluationAt")).isTrue();
      assertThat(summary.has("lastEvaluationAt")).isTrue();
      assertThat(summary.has("lastError")).isFalse();
      assertThat(summary.path("lastEvaluation").path("time").asText())
          .as("the newest evaluation comes with the list")
          .isEqualTo(summary.path("lastEvaluationAt").asText());
      assertThat(summary.path("watchedAssets").isArray()).isTrue();
      assertThat(summary.path("watchedAssets")).isEmpty();
    }
  }

  /** The latest recorded evaluation that made requests, or null. */
  private static JsonNode requested(JsonNode description) {
    JsonNode found = null;
    for (JsonNode e : description.path("recentEvaluations")) {
      if (!e.path("requests").isEmpty()) {
        found = e;
      }
    }
    return found;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pauseWithANoteAndUnpause(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();

      ApiCalls.Answer paused =
          api.post(BASE + "/greeter/pause", Map.of("note", "chain maintenance"));
      assertThat(paused.status()).isEqualTo(202);
      assertThat(paused.json().path("name").asText()).isEqualTo("greeter");
      JsonNode d = awaitSensor(api, j -> j.path("status").asText().equals("PAUSED"));
      assertThat(d.path("pauseNote").asText()).isEqualTo("chain maintenance");
      assertThat(d.has("nextEvaluationAt")).isFalse();

      assertThat(api.post(BASE + "/greeter/unpause", null).status()).isEqualTo(202);
      JsonNode resumed = awaitSensor(api, j -> j.path("status").asText().equals("RUNNING"));
      assertThat(resumed.has("pauseNote")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void setAndResetTheCursor(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();

      assertThat(api.put(BASE + "/greeter/cursor", Map.of("cursor", "5")).status()).isEqualTo(202);
      awaitSensor(api, d -> "5".equals(d.path("cursor").asText(null)));

      Map<String, Object> reset = new HashMap<>();
      reset.put("cursor", null);
      assertThat(api.put(BASE + "/greeter/cursor", reset).status()).isEqualTo(202);
      awaitSensor(api, d -> !d.has("cursor"));

      ApiCalls.Answer missing = api.put(BASE + "/greeter/cursor", Map.of());
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json().path("field").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void aServerNodeDescribesTheSensorsAnotherNodeRunsOnceItRegistersTheSensorWorkflow() {
    TestStore store = TestStore.POSTGRES;
    try (WeftEngine app =
        WeftEngine.builder().store(store.open(dir)).nodeId("sensor-app").build()) {
      TestWorkflows.register(app);
      Sensors.builder(app)
          .sensor(SensorDefinition.of("greeter", Duration.ofMillis(300), greetNewValues))
          .build();
      app.start();
      counter.set(1);

      try (ApiServer bare = ApiServer.start(store, dir, TestWorkflows::register)) {
        ApiCalls.Answer refused = bare.calls().get(BASE);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.problemType()).isEqualTo("sensors-not-served");
        // a change is a signal, which needs no sensor workflow on this node
        assertThat(bare.calls().post(BASE + "/greeter/unpause", null).status()).isEqualTo(202);
      }
      try (ApiServer served =
          ApiServer.start(
              store,
              dir,
              engine -> {
                TestWorkflows.register(engine);
                Sensors.builder(engine).build();
              })) {
        JsonNode described = awaitSensor(served.calls(), d -> requested(d) != null);
        assertThat(requested(described).path("requests").get(0).path("workflowId").asText())
            .isEqualTo("greeter:value-1");
        assertThat(served.calls().get(BASE).json().path("sensors").get(0).path("name").asText())
            .isEqualTo("greeter");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownSensorOrNamespaceIsNotFound(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();

      ApiCalls.Answer described = api.get(BASE + "/nope");
      assertThat(described.status()).isEqualTo(404);
      assertThat(described.problemType()).isEqualTo("sensor-not-found");
      assertThat(described.json().path("field").asText()).isEqualTo("name");
      assertThat(api.post(BASE + "/nope/pause", Map.of()).problemType())
          .isEqualTo("sensor-not-found");
      assertThat(api.post(BASE + "/nope/unpause", null).status()).isEqualTo(404);
      assertThat(api.put(BASE + "/nope/cursor", Map.of("cursor", "1")).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/namespaces/nowhere/sensors").problemType())
          .isEqualTo("namespace-not-found");
    }
  }
}
