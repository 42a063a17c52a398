package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET .../asset-selection} on both stores, through {@link ApiCalls}: a selection resolved to
 * its canonical form and its assets in dependency order, the materialize route's 400 problems, and
 * nothing started.
 */
class AssetSelectionApiTest {
  private static final String NS = "/api/v1/namespaces/default";

  @TempDir Path dir;

  private ApiServer start(TestStore store) {
    return ApiServer.start(
        store,
        dir,
        engine ->
            Assets.builder(engine)
                .definitions(AssetApiTest.trades())
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .build());
  }

  private static ApiCalls.Answer preview(ApiCalls api, String selection) {
    return api.get(
        NS + "/asset-selection?selection=" + URLEncoder.encode(selection, StandardCharsets.UTF_8));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void resolvesASelectionInDependencyOrderWithoutStartingAnything(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer up = preview(api, "+market/daily_metrics");
      assertThat(up.status()).as(up.body()).isEqualTo(200);
      assertThat(up.json().path("selection").asText()).isEqualTo("+market/daily_metrics");
      assertThat(texts(up.json().path("assetKeys")))
          .containsExactly(
              "market/raw_prices",
              "market/raw_trades",
              "market/processed_trades",
              "market/daily_metrics");
      assertThat(texts(preview(api, "market/raw_trades+").json().path("assetKeys")))
          .containsExactly("market/raw_trades", "market/processed_trades", "market/daily_metrics");
      assertThat(texts(preview(api, "group:prices").json().path("assetKeys")))
          .containsExactly("market/raw_prices");
      assertThat(texts(preview(api, "tag:tier=bronze, market/raw_trades").json().path("assetKeys")))
          .containsExactly("market/raw_prices", "market/raw_trades");
      assertThat(preview(api, "*").json().path("assetKeys")).hasSize(4);
      // a preview starts nothing: every asset is still MISSING without history
      api.get(NS + "/assets")
          .json()
          .path("assets")
          .forEach(a -> assertThat(a.path("status").asText()).isEqualTo("MISSING"));
      assertThat(api.get(NS + "/assets/market%2Fraw_trades/history").json().path("entries"))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesWhatTheMaterializeRouteRefusesNamingTheProblem(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer syntax = preview(api, "market/raw_trades =x");
      assertThat(syntax.status()).isEqualTo(400);
      assertThat(syntax.problemType()).isEqualTo("invalid-selection");
      assertThat(syntax.json().path("field").asText()).isEqualTo("selection");
      assertThat(syntax.json().path("value").asInt()).isEqualTo(19);
      assertThat(syntax.json().path("detail").asText()).contains("position 19");

      ApiCalls.Answer unknown = preview(api, "+market/raw_trade, market/nope");
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.problemType()).isEqualTo("unknown-asset");
      assertThat(unknown.json().path("value").asText()).contains("market/raw_trade");
      assertThat(unknown.json().path("value").asText()).contains("market/nope");
      assertThat(unknown.json().path("detail").asText()).contains("did you mean market/raw_trades");

      ApiCalls.Answer group = preview(api, "group:nope");
      assertThat(group.problemType()).isEqualTo("invalid-selection");
      assertThat(group.json().path("detail").asText()).contains("group:nope");

      ApiCalls.Answer missing = api.get(NS + "/asset-selection");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.problemType()).isEqualTo("invalid-parameter");
      assertThat(missing.json().path("field").asText()).isEqualTo("selection");
      assertThat(api.get(NS + "/asset-selection?selection=").problemType())
          .isEqualTo("invalid-parameter");
      assertThat(api.get(NS + "/asset-selection?selection=*&x=1").problemType())
          .isEqualTo("unknown-parameter");
      assertThat(api.get("/api/v1/namespaces/elsewhere/asset-selection?selection=*").problemType())
          .isEqualTo("namespace-not-found");
    }
  }
}
