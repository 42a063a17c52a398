package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The automation route on both stores, through {@link ApiCalls} (every answer checked against the
 * OpenAPI document): an asset's condition and its evaluations, paged, and the errors.
 */
class AutomationApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";

  @TempDir Path dir;

  private ApiServer start(TestStore store, AtomicReference<Assets> assets) {
    return ApiServer.start(
        store,
        dir,
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(
                        Asset.builder("raw/trades").output(Integer.class).compute(ctx -> 1),
                        Asset.builder("clean/trades")
                            .input("raw/trades", Integer.class)
                            .output(Integer.class)
                            .automation(
                                AutomationCondition.eager()
                                    .and(AutomationCondition.not(AutomationCondition.missing()))
                                    .or(AutomationCondition.missing()))
                            .compute(ctx -> ctx.input("raw/trades", Integer.class)))
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build()));
  }

  /** Whether the newest evaluation is the one of a run's own materialization (fired nothing). */
  private static boolean settled(JsonNode page) {
    JsonNode newest = page.path("evaluations").path(0);
    return !newest.path("fired").asBoolean(true)
        && newest.path("reason").asText().contains("eager(): no upstream updated");
  }

  /** The newest fired evaluation whose reason contains {@code text}; null if none. */
  private static JsonNode firedWith(JsonNode page, String text) {
    for (JsonNode e : page.path("evaluations")) {
      if (e.path("fired").asBoolean() && e.path("reason").asText().contains(text)) {
        return e;
      }
    }
    return null;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void showsTheConditionAndPagesItsEvaluations(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      String path = NS + "/assets/clean%2Ftrades/automation";
      // missing() fires when the asset is registered (its run fails: raw/trades is missing)
      await().atMost(WAIT).until(() -> firedWith(api.get(path).json(), "missing()") != null);
      String failing = firedWith(api.get(path).json(), "missing()").path("workflowId").asText();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  s.engine().client().getHandle(failing).describe().status()
                      != dev.weft.common.WorkflowStatus.RUNNING);
      // missing() fires again once raw/trades is there (the asset is still missing); then eager()
      // & !missing() on the next raw/trades; each run's own materialization fires nothing
      assets.get().materialize("raw/trades").await(WAIT);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  assets.get().status(AssetKey.of("clean/trades")).orElseThrow().current() != null
                      && settled(api.get(path).json()));
      assets.get().materialize("raw/trades").await(WAIT);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  firedWith(api.get(path).json(), "raw/trades updated") != null
                      && settled(api.get(path).json()));

      JsonNode all = api.get(path + "?pageSize=1000").json();
      assertThat(all.path("assetKey").asText()).isEqualTo("clean/trades");
      assertThat(all.path("condition").asText()).isEqualTo("(eager() & !missing()) | missing()");
      assertThat(all.has("nextPageToken")).isFalse();
      JsonNode latest = all.path("evaluations").get(0);
      assertThat(latest.path("reason").asText()).startsWith("no part holds:");
      assertThat(latest.has("runId")).isFalse();
      assertThat(latest.has("partitions")).isFalse();
      JsonNode eager = firedWith(all, "raw/trades updated");
      assertThat(eager.path("partitions").asText()).isEqualTo("{[0, 1)}");
      assertThat(eager.path("workflowId").asText()).startsWith("__weft_auto:clean/trades:");
      assertThat(eager.path("runId").asText()).isNotEmpty();
      assertThat(eager.path("toSeq").asLong()).isGreaterThan(eager.path("fromSeq").asLong());

      List<Long> paged = new ArrayList<>();
      String token = null;
      do {
        JsonNode page =
            api.get(path + "?pageSize=1" + (token == null ? "" : "&pageToken=" + token)).json();
        assertThat(page.path("evaluations").size()).isEqualTo(1);
        paged.add(page.path("evaluations").get(0).path("id").asLong());
        token = page.has("nextPageToken") ? page.path("nextPageToken").asText() : null;
      } while (token != null);
      List<Long> ids = new ArrayList<>();
      all.path("evaluations").forEach(e -> ids.add(e.path("id").asLong()));
      assertThat(paged).isEqualTo(ids);

      JsonNode none = api.get(NS + "/assets/raw%2Ftrades/automation").json();
      assertThat(none.has("condition")).isFalse();
      assertThat(none.path("evaluations").size()).isZero();

      ApiCalls.Answer unknown = api.get(NS + "/assets/raw%2Ftradez/automation");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().path("type").asText()).endsWith("asset-not-found");
      ApiCalls.Answer badToken = api.get(path + "?pageToken=zz");
      assertThat(badToken.status()).isEqualTo(400);
      assertThat(badToken.json().path("field").asText()).isEqualTo("pageToken");
    }
  }
}
