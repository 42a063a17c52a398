package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST .../asset-materializations} and its preview on both stores, for a graph that mixes
 * partitioned and unpartitioned assets: a selection holding a partitioned asset ({@code *} and
 * groups included) is a 400 {@code selection-has-partitioned-assets} naming them, and nothing
 * starts; a selection of unpartitioned assets still starts.
 */
class PartitionedSelectionApiTest {
  private static final String NS = "/api/v1/namespaces/default";

  @TempDir Path dir;

  private ApiServer start(TestStore store) {
    List<AssetsDefinition> defs = new ArrayList<>(AssetApiTest.trades());
    defs.add(
        Asset.builder("market/daily_close")
            .group("market")
            .partitions(TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC))
            .output(Integer.class)
            .compute(ctx -> 1));
    return ApiServer.start(
        store,
        dir,
        engine ->
            Assets.builder(engine)
                .definitions(defs)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .build());
  }

  private static ApiCalls.Answer materialize(ApiCalls api, String selection) {
    return api.post(NS + "/asset-materializations", Map.of("selection", selection));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSelectionHoldingPartitionedAssetsIsA400NamingThemAndStartsNothing(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer all = materialize(api, "*");
      assertThat(all.status()).as(all.body()).isEqualTo(400);
      assertThat(all.contentType()).startsWith("application/problem+json");
      assertThat(all.problemType()).isEqualTo("selection-has-partitioned-assets");
      assertThat(all.json().path("field").asText()).isEqualTo("selection");
      assertThat(all.json().path("value").asText()).isEqualTo("*");
      assertThat(texts(all.json().path("partitionedAssetKeys")))
          .containsExactly("market/daily_close");
      assertThat(all.json().path("backfillSelection").asText()).isEqualTo("market/daily_close");
      assertThat(all.json().path("detail").asText())
          .contains("holds partitioned asset market/daily_close")
          .contains("or a backfill")
          .contains("select the unpartitioned assets without them");

      ApiCalls.Answer one = materialize(api, "market/daily_close");
      assertThat(one.problemType()).isEqualTo("selection-has-partitioned-assets");
      assertThat(one.json().path("backfillSelection").asText()).isEqualTo("market/daily_close");
      assertThat(one.json().path("detail").asText()).doesNotContain("unpartitioned assets");

      ApiCalls.Answer group =
          api.get(
              NS
                  + "/asset-selection?selection="
                  + URLEncoder.encode("group:market", StandardCharsets.UTF_8));
      assertThat(group.status()).isEqualTo(400);
      assertThat(group.problemType()).isEqualTo("selection-has-partitioned-assets");
      assertThat(group.json().path("value").asText()).isEqualTo("group:market");

      assertThat(api.get(NS + "/assets/market%2Fraw_trades/history").json().path("entries"))
          .isEmpty();
      ApiCalls.Answer started = materialize(api, "market/raw_trades, market/raw_prices");
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      assertThat(texts(started.json().path("assetKeys")))
          .containsExactlyInAnyOrder("market/raw_trades", "market/raw_prices");
    }
  }
}
