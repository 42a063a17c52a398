package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The freshness routes on both stores, through {@link ApiCalls} (every answer checked against the
 * OpenAPI document): an asset's policy and state before and after its deadline, the namespace's
 * open violations, the violations paged, and the errors.
 */
class FreshnessApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  static List<AssetsDefinition> definitions() {
    return List.of(
        Asset.builder("market/raw_trades")
            .freshnessPolicy(FreshnessPolicy.maxLag(Duration.ofHours(1)))
            .output(Integer.class)
            .compute(ctx -> 3),
        Asset.builder("market/raw_prices").output(Integer.class).compute(ctx -> 5));
  }

  private ApiServer start(TestStore store, AtomicReference<Assets> assets) {
    Clock javaClock = clock.asJavaClock();
    return ApiServer.start(
        store,
        dir,
        b -> b.clock(clock),
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(definitions())
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .clock(javaClock)
                    .build()),
        WeftServerOptions.defaults().withPort(0));
  }

  private static final String TRADES = NS + "/assets/market%2Fraw_trades";

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAssetIsFreshUntilItsDeadlineThenViolatedUntilTheNextMaterialization(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      assets.get().materialize("market/raw_trades").await(WAIT);

      JsonNode fresh = api.get(TRADES + "/freshness").json();
      assertThat(fresh.path("status").asText()).isEqualTo("FRESH");
      assertThat(fresh.path("freshUntil").asText()).isEqualTo("2026-03-02T09:00:00Z");
      assertThat(fresh.path("lastMaterializedAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
      assertThat(fresh.path("policy").path("kind").asText()).isEqualTo("MAX_LAG");
      assertThat(fresh.path("policy").path("maxLag").asText()).isEqualTo("PT1H");
      assertThat(
              api.get(NS + "/assets/market%2Fraw_prices/freshness").json().path("status").asText())
          .isEqualTo("NO_POLICY");
      assertThat(api.get(NS + "/freshness-violations").json().path("violations")).isEmpty();

      clock.advance(Duration.ofHours(1));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.get(TRADES + "/freshness").json().path("status").asText().equals("VIOLATED"));
      JsonNode violated = api.get(TRADES + "/freshness").json();
      assertThat(violated.path("violatedSince").asText()).isEqualTo("2026-03-02T09:00:00Z");
      assertThat(violated.has("freshUntil")).isFalse();
      assertThat(violated.path("openViolation").path("policy").asText()).isEqualTo("maxLag=PT1H");
      JsonNode open = api.get(NS + "/freshness-violations").json().path("violations");
      assertThat(open).hasSize(1);
      assertThat(open.get(0).path("assetKey").asText()).isEqualTo("market/raw_trades");
      assertThat(open.get(0).has("clearedAt")).isFalse();

      clock.advance(Duration.ofMinutes(5));
      assets.get().materialize("market/raw_trades").await(WAIT);

      JsonNode again = api.get(TRADES + "/freshness").json();
      assertThat(again.path("status").asText()).isEqualTo("FRESH");
      assertThat(again.path("freshUntil").asText()).isEqualTo("2026-03-02T10:05:00Z");
      assertThat(api.get(NS + "/freshness-violations").json().path("violations")).isEmpty();
      JsonNode page = api.get(TRADES + "/freshness/violations?pageSize=1").json();
      assertThat(page.path("violations")).hasSize(1);
      assertThat(page.has("nextPageToken")).isFalse();
      JsonNode cleared = page.path("violations").get(0);
      assertThat(cleared.path("clearReason").asText()).isEqualTo("MATERIALIZED");
      assertThat(cleared.path("clearedAt").asText()).isEqualTo("2026-03-02T09:05:00Z");
      assertThat(cleared.path("deadline").asText()).isEqualTo("2026-03-02T09:00:00Z");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badKeysTokensAndUnknownAssetsAreProblems(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer unknown = api.get(NS + "/assets/market%2Fnope/freshness");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemType()).isEqualTo("asset-not-found");
      ApiCalls.Answer badToken = api.get(TRADES + "/freshness/violations?pageToken=zz");
      assertThat(badToken.status()).isEqualTo(400);
      assertThat(badToken.json().path("field").asText()).isEqualTo("pageToken");
      ApiCalls.Answer badSize = api.get(TRADES + "/freshness/violations?pageSize=0");
      assertThat(badSize.status()).isEqualTo(400);
      ApiCalls.Answer otherNs = api.get("/api/v1/namespaces/other/freshness-violations");
      assertThat(otherNs.status()).isEqualTo(404);
      assertThat(otherNs.problemType()).isEqualTo("namespace-not-found");
      ApiCalls.Answer badKey = api.get(NS + "/assets/%2F%2F/freshness");
      assertThat(badKey.status()).isEqualTo(400);
      assertThat(badKey.problemType()).isEqualTo("invalid-asset-key");
    }
  }
}
