package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.AssetCheck;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.CheckResult;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.Batch;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The asset routes on both stores: list, describe, history, stale, graph and materialize, through
 * {@link ApiCalls} (every answer checked against the OpenAPI document), also from a node that does
 * not host the asset code.
 */
class AssetApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";

  @TempDir Path dir;

  static List<AssetsDefinition> trades() {
    return List.of(
        Asset.builder("market/raw_trades")
            .group("market")
            .codeVersion("v1")
            .output(Integer.class)
            .compute(ctx -> 3),
        Asset.builder("market/raw_prices")
            .group("prices")
            .codeVersion("v1")
            .tag("tier", "bronze")
            .output(Integer.class)
            .compute(ctx -> 5),
        Asset.builder("market/processed_trades")
            .group("market")
            .codeVersion("v1")
            .input("market/raw_trades", Integer.class)
            .output(Integer.class)
            .compute(ctx -> ctx.input("market/raw_trades", Integer.class) * 2),
        Asset.builder("market/daily_metrics")
            .group("market")
            .codeVersion("v1")
            .description("trades and prices of a day")
            .input("market/processed_trades", Integer.class)
            .input("market/raw_prices", Integer.class)
            .output(Integer.class)
            .check(AssetCheck.<Integer>warn("small", v -> CheckResult.of(v < 100)))
            .compute(
                ctx ->
                    ctx.input("market/processed_trades", Integer.class)
                        + ctx.input("market/raw_prices", Integer.class)));
  }

  private ApiServer start(TestStore store, AtomicReference<Assets> assets) {
    return ApiServer.start(
        store,
        dir,
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(trades())
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build()));
  }

  private static JsonNode materialize(ApiCalls api, String selection) {
    ApiCalls.Answer a = api.post(NS + "/asset-materializations", Map.of("selection", selection));
    assertThat(a.status()).as(a.body()).isEqualTo(202);
    return a.json();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isObject() ? n.path("assetKey").asText() : n.asText()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listsDescribesAndPagesTheHistoryOfMaterializedAssets(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      JsonNode missing = api.get(NS + "/assets").json().path("assets");
      assertThat(texts(missing))
          .containsExactly(
              "market/daily_metrics",
              "market/processed_trades",
              "market/raw_prices",
              "market/raw_trades");
      missing.forEach(a -> assertThat(a.path("status").asText()).isEqualTo("MISSING"));

      JsonNode started = materialize(api, "+market/daily_metrics");
      assertThat(started.path("workflowId").asText()).startsWith("__weft_materialize:");
      assertThat(texts(started.path("assetKeys")))
          .containsExactly(
              "market/raw_prices",
              "market/raw_trades",
              "market/processed_trades",
              "market/daily_metrics");
      assertThat(started.path("selection").asText()).isEqualTo("+market/daily_metrics");
      MaterializationResult result =
          assets.get().handle(started.path("workflowId").asText()).await(WAIT);
      assertThat(result.succeeded()).isTrue();
      // it is a workflow: the workflow routes read it
      JsonNode run =
          api.get(NS + "/workflows/" + started.path("workflowId").asText().replace(":", "%3A"))
              .json();
      assertThat(run.toString()).contains(started.path("runId").asText());

      JsonNode fresh = api.get(NS + "/assets?status=FRESH").json().path("assets");
      assertThat(fresh).hasSize(4);
      JsonNode metrics = fresh.get(0);
      assertThat(metrics.path("assetKey").asText()).isEqualTo("market/daily_metrics");
      assertThat(metrics.path("group").asText()).isEqualTo("market");
      assertThat(metrics.path("kind").asText()).isEqualTo("COMPUTED");
      assertThat(metrics.path("definedChecks").asInt()).isEqualTo(1);
      assertThat(metrics.path("latestMaterialization").path("runId").asText())
          .isEqualTo(started.path("runId").asText());
      assertThat(
              metrics
                  .path("latestMaterialization")
                  .path("inputDataVersions")
                  .has("market/raw_prices"))
          .isTrue();
      assertThat(texts(api.get(NS + "/assets?group=prices").json().path("assets")))
          .containsExactly("market/raw_prices");
      assertThat(api.get(NS + "/assets?status=STALE").json().path("assets")).isEmpty();

      JsonNode detail = api.get(NS + "/assets/market%2Fprocessed_trades").json();
      assertThat(detail.path("assetKey").asText()).isEqualTo("market/processed_trades");
      assertThat(texts(detail.path("upstream"))).containsExactly("market/raw_trades");
      assertThat(texts(detail.path("downstream"))).containsExactly("market/daily_metrics");
      assertThat(detail.path("state").path("status").asText()).isEqualTo("FRESH");
      JsonNode metricsDetail = api.get(NS + "/assets/market%2Fdaily_metrics").json();
      assertThat(metricsDetail.path("definition").path("description").asText())
          .isEqualTo("trades and prices of a day");
      assertThat(metricsDetail.path("checks")).hasSize(1);
      assertThat(metricsDetail.path("checks").get(0).path("checkName").asText()).isEqualTo("small");
      assertThat(metricsDetail.path("checks").get(0).path("passed").asBoolean()).isTrue();
      assertThat(metricsDetail.path("checks").get(0).path("severity").asText()).isEqualTo("WARN");

      JsonNode second = materialize(api, "market/raw_trades");
      assertThat(texts(second.path("assetKeys"))).containsExactly("market/raw_trades");
      assertThat(assets.get().handle(second.path("workflowId").asText()).await(WAIT).succeeded())
          .isTrue();
      JsonNode page1 = api.get(NS + "/assets/market%2Fraw_trades/history?pageSize=1").json();
      assertThat(page1.path("entries")).hasSize(1);
      assertThat(page1.path("nextPageToken").isTextual()).isTrue();
      JsonNode page2 =
          api.get(
                  NS
                      + "/assets/market%2Fraw_trades/history?pageSize=1&pageToken="
                      + page1.path("nextPageToken").asText())
              .json();
      assertThat(page2.path("entries")).hasSize(1);
      assertThat(page2.path("entries").get(0).path("outcome").asText()).isEqualTo("MATERIALIZED");
      assertThat(page2.path("entries").get(0).path("id").asLong())
          .isLessThan(page1.path("entries").get(0).path("id").asLong());
      assertThat(page1.path("entries").get(0).path("materialization").path("runId").asText())
          .isEqualTo(second.path("runId").asText());

      JsonNode graph = api.get(NS + "/asset-graph").json();
      assertThat(graph.path("nodes")).hasSize(4);
      assertThat(graph.path("edges").toString())
          .contains("{\"from\":\"market/raw_trades\",\"to\":\"market/processed_trades\"}")
          .contains("{\"from\":\"market/raw_prices\",\"to\":\"market/daily_metrics\"}");
      assertThat(graph.path("edges")).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theListShowsTheOutcomeOfEachAssetsLatestChecks(TestStore store) {
    List<AssetsDefinition> checked =
        List.of(
            Asset.builder("q/raw")
                .codeVersion("v1")
                .output(Integer.class)
                .check(
                    AssetCheck.<Integer>error("positive", v -> CheckResult.of(v > 0)).asBlocking())
                .check(AssetCheck.<Integer>warn("even", v -> CheckResult.of(v % 2 == 0)))
                .check(AssetCheck.<Integer>error("nonzero", v -> CheckResult.of(v != 0)))
                .compute(ctx -> -1),
            Asset.builder("q/clean")
                .input("q/raw", Integer.class)
                .output(Integer.class)
                .check(AssetCheck.<Integer>error("any", v -> CheckResult.of(true)))
                .compute(ctx -> ctx.input("q/raw", Integer.class)));
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s =
        ApiServer.start(
            store,
            dir,
            engine ->
                assets.set(
                    Assets.builder(engine)
                        .definitions(checked)
                        .location("quality_app")
                        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                        .build()))) {
      ApiCalls api = s.calls();
      JsonNode before = api.get(NS + "/assets").json().path("assets");
      before.forEach(
          a ->
              assertThat(a.path("checks").toString())
                  .isEqualTo("{\"passed\":0,\"failed\":0,\"blockingFailed\":0,\"warned\":0}"));

      assertThat(assets.get().materialize("*").await(WAIT).succeeded()).isFalse();

      JsonNode list = api.get(NS + "/assets").json().path("assets");
      assertThat(texts(list)).containsExactly("q/clean", "q/raw");
      JsonNode raw = list.get(1);
      assertThat(raw.path("definedChecks").asInt()).isEqualTo(3);
      assertThat(raw.path("location").asText()).isEqualTo("quality_app");
      assertThat(raw.path("checks").path("passed").asInt()).isEqualTo(1);
      assertThat(raw.path("checks").path("failed").asInt()).isEqualTo(1);
      assertThat(raw.path("checks").path("warned").asInt()).isEqualTo(1);
      assertThat(raw.path("checks").path("blockingFailed").asInt()).isEqualTo(1);
      JsonNode clean = list.get(0);
      assertThat(clean.path("definedChecks").asInt()).isEqualTo(1);
      assertThat(clean.path("checks").path("passed").asInt())
          .as("skipped downstream of the blocking check: no result")
          .isZero();
      JsonNode detail = api.get(NS + "/assets/q%2Fraw").json();
      assertThat(detail.path("state").path("checks")).isEqualTo(raw.path("checks"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNewCodeVersionShowsInTheStaleAssetsWithTheirReasons(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      assertThat(assets.get().materialize("*").await(WAIT).succeeded()).isTrue();
      assertThat(api.get(NS + "/stale-assets").json().path("assets")).isEmpty();
      // another node registers the graph with a new code version of processed_trades
      AssetCatalog catalog = s.engine().store().extension(AssetCatalog.class);
      List<AssetNodeRecord> nodes = new ArrayList<>();
      for (AssetNodeRecord n : catalog.graph("default")) {
        nodes.add(
            n.assetKey().equals("market/processed_trades")
                ? new AssetNodeRecord(
                    n.assetKey(), n.kind(), "v2", n.upstream(), n.group(), n.definitionJson())
                : n);
      }
      s.engine()
          .store()
          .commit(Batch.of(new RegisterAssetGraph("default", nodes, Instant.now())))
          .join();

      JsonNode stale = api.get(NS + "/stale-assets").json().path("assets");
      assertThat(texts(stale)).containsExactly("market/daily_metrics", "market/processed_trades");
      JsonNode code = stale.get(1).path("reasons").get(0);
      assertThat(code.path("kind").asText()).isEqualTo("CODE_VERSION_CHANGED");
      assertThat(code.has("upstreamKey")).isFalse();
      assertThat(code.path("detail").asText()).contains("v1").contains("v2");
      JsonNode up = stale.get(0).path("reasons").get(0);
      assertThat(up.path("kind").asText()).isEqualTo("UPSTREAM_STALE");
      assertThat(up.path("upstreamKey").asText()).isEqualTo("market/processed_trades");
      assertThat(up.path("rootCauseKey").asText()).isEqualTo("market/processed_trades");
      assertThat(texts(api.get(NS + "/assets?status=STALE").json().path("assets")))
          .containsExactly("market/daily_metrics", "market/processed_trades");
      JsonNode graph = api.get(NS + "/asset-graph").json().path("nodes");
      graph.forEach(
          n ->
              assertThat(n.path("status").asText())
                  .isEqualTo(
                      n.path("assetKey").asText().matches("market/(processed_trades|daily_metrics)")
                          ? "STALE"
                          : "FRESH"));
    }
  }

  /** Two nodes share a store: PostgreSQL (a SQLite file belongs to one engine). */
  @Test
  void aNodeWithoutTheAssetCodeStartsAMaterializationTheHostingNodeRuns() {
    TestStore store = TestStore.POSTGRES;
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer hosting = start(store, assets);
        ApiServer bare = ApiServer.start(store, dir, engine -> {})) {
      ApiCalls api = bare.calls();
      assertThat(texts(api.get(NS + "/assets").json().path("assets"))).hasSize(4);
      JsonNode started = materialize(api, "+market/daily_metrics");
      assertThat(texts(started.path("assetKeys"))).hasSize(4);
      MaterializationResult result =
          assets.get().handle(started.path("workflowId").asText()).await(WAIT);
      assertThat(result.succeeded()).isTrue();
      assertThat(
              api.get(NS + "/assets/market%2Fraw_prices")
                  .json()
                  .path("state")
                  .path("status")
                  .asText())
          .isEqualTo("FRESH");
      assertThat(hosting.calls().get(NS + "/assets?status=FRESH").json().path("assets")).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badSelectionsKeysAndParametersAreRefusedNamingTheProblem(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer syntax =
          api.post(NS + "/asset-materializations", Map.of("selection", "market/raw_trades =x"));
      assertThat(syntax.status()).isEqualTo(400);
      assertThat(syntax.problemType()).isEqualTo("invalid-selection");
      assertThat(syntax.json().path("field").asText()).isEqualTo("selection");
      assertThat(syntax.json().path("value").asInt()).isEqualTo(19);
      assertThat(syntax.json().path("detail").asText()).contains("position 19");

      ApiCalls.Answer unknown =
          api.post(NS + "/asset-materializations", Map.of("selection", "+market/raw_trade"));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.problemType()).isEqualTo("unknown-asset");
      assertThat(unknown.json().path("value").asText()).isEqualTo("market/raw_trade");
      assertThat(unknown.json().path("detail").asText()).contains("did you mean market/raw_trades");

      ApiCalls.Answer group =
          api.post(NS + "/asset-materializations", Map.of("selection", "group:nope"));
      assertThat(group.status()).isEqualTo(400);
      assertThat(group.problemType()).isEqualTo("invalid-selection");
      assertThat(group.json().path("detail").asText()).contains("group:nope");

      ApiCalls.Answer noField = api.post(NS + "/asset-materializations", Map.of());
      assertThat(noField.status()).isEqualTo(400);
      assertThat(noField.json().path("field").asText()).isEqualTo("selection");

      ApiCalls.Answer notFound = api.get(NS + "/assets/market%2Fnope");
      assertThat(notFound.status()).isEqualTo(404);
      assertThat(notFound.problemType()).isEqualTo("asset-not-found");
      assertThat(notFound.json().path("field").asText()).isEqualTo("assetKey");
      assertThat(api.get(NS + "/assets/market%2Fnope/history").problemType())
          .isEqualTo("asset-not-found");
      ApiCalls.Answer badKey = api.get(NS + "/assets/market-x");
      assertThat(badKey.status()).isEqualTo(400);
      assertThat(badKey.problemType()).isEqualTo("invalid-asset-key");

      ApiCalls.Answer status = api.get(NS + "/assets?status=OLD");
      assertThat(status.status()).isEqualTo(400);
      assertThat(status.json().path("field").asText()).isEqualTo("status");
      assertThat(api.get(NS + "/assets?color=red").problemType()).isEqualTo("unknown-parameter");
      ApiCalls.Answer noGroup = api.get(NS + "/assets?group=nope");
      assertThat(noGroup.problemType()).isEqualTo("invalid-parameter");
      assertThat(noGroup.json().path("detail").asText()).contains("[market, prices]");
      assertThat(api.get(NS + "/assets/market%2Fraw_trades/history?pageSize=0").problemType())
          .isEqualTo("invalid-parameter");
      assertThat(
              api.get(NS + "/assets/market%2Fraw_trades/history?pageToken=garbage").problemType())
          .isEqualTo("invalid-parameter");
      assertThat(api.get("/api/v1/namespaces/elsewhere/assets").problemType())
          .isEqualTo("namespace-not-found");
      assertThat(api.get("/api/v1/namespaces/elsewhere/asset-graph").status()).isEqualTo(404);
      // nothing was started
      assertThat(api.get(NS + "/assets/market%2Fraw_trades/history").json().path("entries"))
          .isEmpty();
    }
  }
}
