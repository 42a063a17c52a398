package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Arrays;
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
 * {@code POST .../activity-tasks/complete-batch} on both stores: a mixed batch records its good
 * items and refuses a stale lease (409) and an unknown token (404) each alone; a batch sent again
 * is refused item by item and changes nothing; a malformed body, or a malformed item in it, is a
 * 400 for the whole request that records nothing.
 */
class ActivityTaskCompleteBatchApiTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String POLL_BATCH =
      "/api/v1/namespaces/default/task-queues/jobs-remote/activity-tasks/poll-batch";
  static final String COMPLETE_BATCH = "/api/v1/namespaces/default/activity-tasks/complete-batch";

  @TempDir Path dir;

  private static ApiServer server(TestStore store, Path dir) {
    return ApiServer.start(store, dir, RemoteJobs::register);
  }

  /** Starts a workflow per input, polls their tasks and returns the tokens in the inputs' order. */
  private static List<String> startAndPoll(
      ApiServer s, List<WorkflowHandle<Object>> handles, String... inputs) {
    for (String input : inputs) {
      handles.add(RemoteJobs.start(s.engine(), input, 0, false));
    }
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                s.engine()
                        .store()
                        .taskQueueBacklog(RemoteJobs.REMOTE_QUEUE, Instant.now())
                        .activityTasks()
                    >= inputs.length);
    Map<String, String> tokenByInput = new HashMap<>();
    while (tokenByInput.size() < inputs.length) {
      Answer a =
          s.calls().post(POLL_BATCH, Map.of("identity", "batch-worker", "maxTasks", inputs.length));
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      for (JsonNode t : a.json().path("tasks")) {
        tokenByInput.put(t.path("input").path(0).asText(), t.path("taskToken").asText());
      }
    }
    List<String> tokens = new ArrayList<>();
    for (String input : inputs) {
      tokens.add(tokenByInput.get(input));
    }
    return tokens;
  }

  private static Map<String, Object> result(String token, Object result) {
    return Map.of("taskToken", token, "result", result);
  }

  private static List<JsonNode> outcomes(Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    List<JsonNode> outcomes = new ArrayList<>();
    a.json().path("outcomes").forEach(outcomes::add);
    return outcomes;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMixedBatchRecordsEachGoodItemAndRefusesEachBadOneAlone(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      ApiCalls api = s.calls();
      List<WorkflowHandle<Object>> h = new ArrayList<>();
      List<String> tokens = startAndPoll(s, h, "a", "b", "c");
      Answer failed =
          api.post(
              "/api/v1/namespaces/default/activity-tasks/" + tokens.get(2) + "/fail",
              Map.of("type", "Flaky"));
      assertThat(failed.status()).as(failed.body()).isEqualTo(204);
      Answer polled = api.post(POLL_BATCH, Map.of("identity", "batch-worker", "maxTasks", 1));
      assertThat(polled.json().path("tasks").path(0).path("attempt").asInt()).isEqualTo(2);
      String cAgain = polled.json().path("tasks").path(0).path("taskToken").asText();

      Answer a =
          api.post(
              COMPLETE_BATCH,
              Map.of(
                  "items",
                  List.of(
                      result(tokens.get(0), "ra"),
                      Map.of(
                          "taskToken",
                          tokens.get(1),
                          "failure",
                          Map.of("type", "BadInput", "message", "no b", "nonRetryable", true)),
                      result(tokens.get(2), "stale"),
                      result("not-a-token", 1),
                      result(cAgain, "rc"))));

      List<JsonNode> o = outcomes(a);
      assertThat(o)
          .extracting(n -> n.path("outcome").asText())
          .containsExactly("completed", "failed", "refused", "refused", "completed");
      assertThat(o)
          .extracting(n -> n.path("taskToken").asText())
          .containsExactly(tokens.get(0), tokens.get(1), tokens.get(2), "not-a-token", cAgain);
      assertThat(o.get(0).has("problem")).isFalse();
      assertThat(o.get(2).path("problem").path("status").asInt()).isEqualTo(409);
      assertThat(o.get(2).path("problem").path("type").asText()).endsWith("/activity-lease-lost");
      assertThat(o.get(2).path("problem").path("detail").asText())
          .contains("attempt 2 of the activity is running in its place");
      assertThat(o.get(3).path("problem").path("status").asInt()).isEqualTo(404);
      assertThat(o.get(3).path("problem").path("type").asText()).endsWith("/activity-not-found");
      assertThat(h.get(0).getResult(String.class)).isEqualTo("[ra]");
      assertThatThrownBy(() -> h.get(1).getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .rootCause()
          .hasMessageContaining("no b");
      assertThat(h.get(2).getResult(String.class)).isEqualTo("[rc]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchSentAgainIsRefusedItemByItemAndChangesNothing(TestStore store) throws Exception {
    try (ApiServer s = server(store, dir)) {
      ApiCalls api = s.calls();
      List<WorkflowHandle<Object>> h = new ArrayList<>();
      List<String> tokens = startAndPoll(s, h, "x", "y");
      Map<String, Object> batch =
          Map.of("items", List.of(result(tokens.get(0), "once"), result(tokens.get(1), "once")));

      assertThat(outcomes(api.post(COMPLETE_BATCH, batch)))
          .extracting(n -> n.path("outcome").asText())
          .containsExactly("completed", "completed");
      assertThat(h.get(0).getResult(String.class)).isEqualTo("[once]");
      assertThat(h.get(1).getResult(String.class)).isEqualTo("[once]");
      StoreStats before = s.engine().store().stats();
      List<JsonNode> again = outcomes(api.post(COMPLETE_BATCH, batch));

      assertThat(again)
          .allSatisfy(
              n -> {
                assertThat(n.path("outcome").asText()).isEqualTo("refused");
                assertThat(n.path("problem").path("status").asInt()).isEqualTo(409);
                assertThat(n.path("problem").path("type").asText())
                    .endsWith("/activity-lease-lost");
              });
      assertThat(s.engine().store().stats()).isEqualTo(before);
      assertThat(h.get(0).getResult(String.class)).isEqualTo("[once]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMalformedBodyOrItemIsA400ForTheWholeRequestAndChangesNothing(TestStore store)
      throws Exception {
    try (ApiServer s = server(store, dir)) {
      ApiCalls api = s.calls();
      List<WorkflowHandle<Object>> h = new ArrayList<>();
      String token = startAndPoll(s, h, "kept").get(0);
      StoreStats before = s.engine().store().stats();

      Map<String, Object> good = result(token, "r");
      Map<Object, String> bad = new LinkedHashMap<>();
      bad.put(Map.of(), "items");
      bad.put(Map.of("items", List.of()), "items");
      bad.put(Map.of("items", Collections.nCopies(101, good)), "items");
      bad.put(Map.of("items", "all"), "items");
      bad.put(Map.of("items", List.of(good), "more", 1), "more");
      bad.put(
          Map.of("items", List.of(Map.of("taskToken", token, "outcome", "x"))), "items[0].outcome");
      bad.put(Map.of("items", List.of(Map.of("taskToken", 5))), "items[0].taskToken");
      bad.put(
          Map.of("items", List.of(Map.of("taskToken", token, "failure", "boom"))),
          "items[0].failure");
      // a bad item spoils the whole batch: the good one before it is not recorded either
      bad.put(Map.of("items", List.of(good, Map.of("result", "no token"))), "items[1].taskToken");
      bad.put(Map.of("items", List.of(good, Map.of("taskToken", " "))), "items[1].taskToken");
      bad.put(
          Map.of("items", List.of(good, Map.of("taskToken", token, "failure", Map.of()))),
          "items[1].failure.type");
      bad.put(
          Map.of(
              "items",
              List.of(
                  good, Map.of("taskToken", token, "result", 1, "failure", Map.of("type", "X")))),
          "items[1]");
      bad.put(Map.of("items", Arrays.asList(good, null)), "items[1]");
      for (Map.Entry<Object, String> b : bad.entrySet()) {
        Answer a = api.post(COMPLETE_BATCH, b.getKey());
        assertThat(a.status()).as("%s: %s", b.getKey(), a.body()).isEqualTo(400);
        assertThat(a.json().path("field").asText()).as("%s", b.getKey()).isEqualTo(b.getValue());
      }
      Answer tooMany = api.post(COMPLETE_BATCH, Map.of("items", Collections.nCopies(101, good)));
      assertThat(tooMany.json().path("detail").asText()).contains("1 to 100 items", "held 101");
      assertThat(api.post(COMPLETE_BATCH, "{\"items\":[").status()).isEqualTo(400);
      assertThat(api.post(COMPLETE_BATCH, null).status()).isEqualTo(400);
      Answer elsewhere =
          api.post(
              "/api/v1/namespaces/elsewhere/activity-tasks/complete-batch",
              Map.of("items", List.of(good)));
      assertThat(elsewhere.status()).isEqualTo(404);
      assertThat(elsewhere.problemType()).isEqualTo("namespace-not-found");
      assertThat(s.engine().store().stats()).isEqualTo(before);

      assertThat(outcomes(api.post(COMPLETE_BATCH, Map.of("items", List.of(good)))))
          .extracting(n -> n.path("outcome").asText())
          .containsExactly("completed");
      assertThat(h.get(0).getResult(String.class)).isEqualTo("[r]");
    }
  }
}
