package dev.weft.server.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.schedules.Schedules;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schedule routes on both stores, through {@link ApiCalls} (every answer checked against the
 * OpenAPI document), on a server whose engine hosts the schedule workflows: create, describe,
 * trigger, pause and unpause, backfill, delete, a schedule in another namespace, and the refusals.
 */
class ScheduleApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";
  private static final String SCHEDULES = NS + "/schedules";

  @TempDir Path dir;

  private ApiServer start(TestStore store) {
    return ApiServer.start(
        store,
        dir,
        engine -> {
          TestWorkflows.register(engine);
          Schedules.builder(engine).build();
        });
  }

  private static Map<String, Object> greeterEvery15(String id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("spec", Map.of("cron", "*/15 * * * *"));
    body.put(
        "action",
        Map.of(
            "type",
            "startWorkflow",
            "workflowType",
            "Greeter",
            "taskQueue",
            TestWorkflows.QUEUE,
            "args",
            List.of("schedule")));
    return body;
  }

  private static String encoded(String workflowId) {
    return URLEncoder.encode(workflowId, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createdScheduleDescribesItsNextFireTimesAndTriggerStartsTheDerivedRun(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      Answer created = calls.post(SCHEDULES, greeterEvery15("quarterly"));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().path("nextFireTimes")).hasSize(10);

      Answer described = calls.get(SCHEDULES + "/quarterly?next=3");
      assertThat(described.status()).isEqualTo(200);
      List<Instant> next = new ArrayList<>();
      described.json().path("nextFireTimes").forEach(t -> next.add(Instant.parse(t.asText())));
      assertThat(next).hasSize(3).isSorted();
      assertThat(next)
          .allSatisfy(
              t -> assertThat(t.getEpochSecond() % Duration.ofMinutes(15).toSeconds()).isZero());
      assertThat(described.json().path("spec").path("cron").asText()).isEqualTo("*/15 * * * *");
      assertThat(described.json().path("paused").asBoolean()).isFalse();

      JsonNode listed = calls.get(SCHEDULES).json().path("schedules");
      assertThat(listed.findValuesAsText("id")).containsExactly("quarterly");
      assertThat(listed.get(0).path("nextFireTime").asText()).isEqualTo(next.get(0).toString());
      assertThat(listed.get(0).path("action").path("workflowType").asText()).isEqualTo("Greeter");
      assertThat(listed.get(0).has("lastFiring")).as("no firing yet").isFalse();

      assertThat(calls.post(SCHEDULES + "/quarterly/trigger", null).status()).isEqualTo(202);
      JsonNode firing =
          await()
              .atMost(WAIT)
              .until(
                  () -> calls.get(SCHEDULES + "/quarterly").json().path("recentFirings").path(0),
                  f -> f.has("runId"));
      assertThat(firing.path("outcome").asText()).isEqualTo("STARTED");
      String workflowId = firing.path("workflowId").asText();
      assertThat(workflowId).startsWith("quarterly@");
      Answer run = calls.get(NS + "/workflows/" + encoded(workflowId));
      assertThat(run.status()).isEqualTo(200);
      assertThat(run.json().path("runId").asText()).isEqualTo(firing.path("runId").asText());
      JsonNode lastListed = calls.get(SCHEDULES).json().path("schedules").get(0).path("lastFiring");
      assertThat(lastListed.path("workflowId").asText()).isEqualTo(workflowId);
      assertThat(lastListed.path("outcome").asText()).isEqualTo("STARTED");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pauseWithANoteAndUnpause(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      assertThat(calls.post(SCHEDULES, greeterEvery15("paused-one")).status()).isEqualTo(201);

      assertThat(
              calls
                  .post(SCHEDULES + "/paused-one/pause", Map.of("note", "warehouse migration"))
                  .status())
          .isEqualTo(202);
      JsonNode paused =
          await()
              .atMost(WAIT)
              .until(
                  () -> calls.get(SCHEDULES + "/paused-one").json(),
                  d -> d.path("paused").asBoolean());
      assertThat(paused.path("note").asText()).isEqualTo("warehouse migration");
      assertThat(calls.get(SCHEDULES).json().path("schedules").get(0).path("paused").asBoolean())
          .isTrue();

      assertThat(calls.post(SCHEDULES + "/paused-one/unpause", Map.of("note", "done")).status())
          .isEqualTo(202);
      await()
          .atMost(WAIT)
          .until(
              () -> calls.get(SCHEDULES + "/paused-one").json(),
              d -> !d.path("paused").asBoolean());
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void backfillOfAPastHourStartsFourRuns(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      assertThat(calls.post(SCHEDULES, greeterEvery15("filled")).status()).isEqualTo(201);
      Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
      Instant from = to.minus(Duration.ofHours(1));

      Answer accepted =
          calls.post(
              SCHEDULES + "/filled/backfill",
              Map.of("from", from.toString(), "to", to.toString(), "overlapPolicy", "ALLOW_ALL"));
      assertThat(accepted.status()).isEqualTo(202);

      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        expected.add("filled@" + from.plus(Duration.ofMinutes(15L * i)));
      }
      await()
          .atMost(WAIT)
          .until(
              () -> calls.get(SCHEDULES + "/filled").json().path("recentFirings"),
              f -> f.size() >= 4 && f.findValuesAsText("runId").size() >= 4);
      JsonNode firings = calls.get(SCHEDULES + "/filled").json().path("recentFirings");
      assertThat(firings.findValuesAsText("workflowId")).containsExactlyElementsOf(expected);
      assertThat(firings.findValuesAsText("outcome")).containsOnly("STARTED");
      for (String id : expected) {
        assertThat(calls.get(NS + "/workflows/" + encoded(id)).status()).isEqualTo(200);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusalsNameTheFieldAndCreateNothing(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      Map<String, Object> badCron = greeterEvery15("bad");
      badCron.put("spec", Map.of("cron", "0 25 * * *"));
      Answer refused = calls.post(SCHEDULES, badCron);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("field").asText()).isEqualTo("spec.cron");
      assertThat(refused.json().path("detail").asText()).contains("hour").contains("25");

      Map<String, Object> badZone = greeterEvery15("bad");
      badZone.put("spec", Map.of("cron", "0 2 * * *", "timeZone", "Mars/Olympus"));
      assertThat(calls.post(SCHEDULES, badZone).json().path("field").asText())
          .isEqualTo("spec.timeZone");

      Map<String, Object> endBeforeStart = greeterEvery15("bad");
      endBeforeStart.put(
          "spec",
          Map.of(
              "cron", "0 2 * * *", "start", "2026-01-02T00:00:00Z", "end", "2026-01-01T00:00:00Z"));
      assertThat(calls.post(SCHEDULES, endBeforeStart).json().path("field").asText())
          .isEqualTo("spec.end");

      Map<String, Object> badPolicy = greeterEvery15("bad");
      badPolicy.put("overlapPolicy", "SOMETIMES");
      Answer policy = calls.post(SCHEDULES, badPolicy);
      assertThat(policy.status()).isEqualTo(400);
      assertThat(policy.json().path("field").asText()).isEqualTo("overlapPolicy");

      Map<String, Object> badAction = greeterEvery15("bad");
      badAction.put("action", Map.of("type", "launchRocket"));
      assertThat(calls.post(SCHEDULES, badAction).json().path("field").asText())
          .isEqualTo("action.type");

      assertThat(calls.get(SCHEDULES + "/bad").status()).isEqualTo(404);
      assertThat(calls.get(SCHEDULES).json().path("schedules")).isEmpty();

      assertThat(calls.post(SCHEDULES, greeterEvery15("once")).status()).isEqualTo(201);
      Answer duplicate = calls.post(SCHEDULES, greeterEvery15("once"));
      assertThat(duplicate.status()).isEqualTo(409);
      assertThat(duplicate.problemType()).isEqualTo("schedule-already-exists");

      for (Answer unknown :
          List.of(
              calls.get(SCHEDULES + "/nope"),
              calls.put(SCHEDULES + "/nope", greeterEvery15("nope")),
              calls.post(SCHEDULES + "/nope/pause", Map.of("note", "x")),
              calls.post(SCHEDULES + "/nope/trigger", null),
              calls.post(
                  SCHEDULES + "/nope/backfill",
                  Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-01T01:00:00Z")),
              calls.delete(SCHEDULES + "/nope"))) {
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("schedule-not-found");
        assertThat(unknown.json().path("field").asText()).isEqualTo("scheduleId");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updateReplacesTheSpecAndDeleteEndsTheSchedule(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      assertThat(calls.post(SCHEDULES, greeterEvery15("changing")).status()).isEqualTo(201);
      Map<String, Object> hourly = greeterEvery15("changing");
      hourly.put("spec", Map.of("cron", "@hourly"));
      assertThat(calls.put(SCHEDULES + "/changing", hourly).status()).isEqualTo(200);
      await()
          .atMost(WAIT)
          .until(
              () -> calls.get(SCHEDULES + "/changing").json().path("spec").path("cron").asText(),
              "@hourly"::equals);

      assertThat(calls.delete(SCHEDULES + "/changing").status()).isEqualTo(204);
      await().atMost(WAIT).until(() -> calls.get(SCHEDULES + "/changing").status(), s -> s == 404);
      assertThat(calls.get(SCHEDULES).json().path("schedules")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aScheduleStartsItsRunsInItsOwnNamespace(TestStore store) {
    try (ApiServer api = start(store)) {
      ApiCalls calls = api.calls();
      String namespace = "sched-" + UUID.randomUUID().toString().substring(0, 8);
      assertThat(calls.post("/api/v1/namespaces", Map.of("name", namespace)).status())
          .isEqualTo(201);
      String schedules = "/api/v1/namespaces/" + namespace + "/schedules";
      assertThat(calls.post(schedules, greeterEvery15("elsewhere")).status()).isEqualTo(201);
      assertThat(calls.get(SCHEDULES + "/elsewhere").status()).isEqualTo(404);

      assertThat(calls.post(schedules + "/elsewhere/trigger", null).status()).isEqualTo(202);
      JsonNode firing =
          await()
              .atMost(WAIT)
              .until(
                  () -> calls.get(schedules + "/elsewhere").json().path("recentFirings").path(0),
                  f -> f.has("outcome"));
      assertThat(firing.path("outcome").asText()).isEqualTo("STARTED");
      String workflowId = firing.path("workflowId").asText();
      assertThat(
              calls
                  .get("/api/v1/namespaces/" + namespace + "/workflows/" + encoded(workflowId))
                  .status())
          .isEqualTo(200);
      assertThat(calls.get(NS + "/workflows/" + encoded(workflowId)).status()).isEqualTo(404);
    }
  }
}
