package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.FlowControl;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Task queue flow control over HTTP, on both stores: an activity type's pause, the queue's rate
 * limit and a fairness key's limits are set, read back from {@code .../flow-control} (and from the
 * engine) and removed; bad limits are 400 naming the field and an unknown queue 404 naming the
 * known ones, both changing nothing.
 */
class FlowControlApiTest {
  private static final String NS = "/api/v1/namespaces/default";
  private static final String QUEUE = NS + "/task-queues/" + RemoteJobs.QUEUE;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void setsReadsAndRemovesPausesAndLimits(TestStore store) {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();

      assertThat(
              api.post(QUEUE + "/activity-types/Process/pause", Map.of("reason", "upstream down"))
                  .status())
          .isEqualTo(204);
      assertThat(api.put(QUEUE + "/rate-limit", Map.of("perSecond", 2.5, "burst", 4)).status())
          .isEqualTo(204);
      assertThat(
              api.put(
                      QUEUE + "/fairness-keys/tenant-1/limit",
                      Map.of("maxRunning", 2, "rate", Map.of("perSecond", 3)))
                  .status())
          .isEqualTo(204);

      JsonNode f = api.get(NS + "/flow-control").json();
      String q = RemoteJobs.QUEUE;
      assertThat(f.path("queues").toString()).contains("\"" + q + "\"");
      assertThat(f.path("pausedActivityTypes").path(q).path("Process").path("reason").asText())
          .isEqualTo("upstream down");
      assertThat(f.path("queueRates").path(q).toString())
          .isEqualTo("{\"perSecond\":2.5,\"burst\":4}");
      assertThat(f.path("keyLimits").path(q).path("tenant-1").toString())
          .isEqualTo("{\"maxRunning\":2,\"rate\":{\"perSecond\":3.0,\"burst\":3}}");
      FlowControl engine = s.engine().client().flowControl();
      assertThat(engine.isPaused(q, "Process")).isTrue();
      assertThat(engine.queueRates().get(q).burst()).isEqualTo(4);

      assertThat(api.post(QUEUE + "/activity-types/Process/resume", null).status()).isEqualTo(204);
      assertThat(api.delete(QUEUE + "/rate-limit").status()).isEqualTo(204);
      assertThat(api.delete(QUEUE + "/fairness-keys/tenant-1/limit").status()).isEqualTo(204);
      JsonNode cleared = api.get(NS + "/flow-control").json();
      assertThat(cleared.path("pausedActivityTypes").path(q).size()).isZero();
      assertThat(cleared.path("queueRates").has(q)).isFalse();
      assertThat(cleared.path("keyLimits").path(q).size()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badLimitsAndUnknownQueuesAreRefusedAndChangeNothing(TestStore store) {
    try (ApiServer s = ApiServer.start(store, dir, RemoteJobs::register)) {
      ApiCalls api = s.calls();
      FlowControl before = s.engine().client().flowControl();

      Answer noRate = api.put(QUEUE + "/rate-limit", Map.of("burst", 3));
      assertThat(noRate.status()).isEqualTo(400);
      assertThat(noRate.json().path("field").asText()).isEqualTo("perSecond");
      Answer badBurst = api.put(QUEUE + "/rate-limit", Map.of("perSecond", 1, "burst", 0));
      assertThat(badBurst.json().path("field").asText()).isEqualTo("burst");
      Answer empty = api.put(QUEUE + "/fairness-keys/k/limit", Map.of());
      assertThat(empty.status()).isEqualTo(400);
      Answer badKeyRate =
          api.put(QUEUE + "/fairness-keys/k/limit", Map.of("rate", Map.of("perSecond", -1)));
      assertThat(badKeyRate.json().path("field").asText()).isEqualTo("rate.perSecond");
      Answer unknown =
          api.put(NS + "/task-queues/no-such-queue/rate-limit", Map.of("perSecond", 1));
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemType()).isEqualTo("task-queue-not-found");
      assertThat(unknown.json().path("taskQueue").asText()).isEqualTo("no-such-queue");
      assertThat(unknown.json().path("known").toString()).contains(RemoteJobs.QUEUE);
      assertThat(api.post(NS + "/task-queues/no-such-queue/activity-types/X/pause", null).status())
          .isEqualTo(404);

      assertThat(s.engine().client().flowControl()).isEqualTo(before);
    }
  }
}
