package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assets workload's graph has the promised shape, a small run materializes every asset and
 * reports the figures, and layers beyond the assets are refused before anything starts.
 */
class AssetsWorkloadTest {

  @Test
  void theGraphHasItsLayersAndEachAssetReadsAFewOfTheLayerAbove() {
    AssetGraph graph = AssetGraph.of(AssetsWorkload.graph(1_000, 10));

    assertThat(graph.nodes()).hasSize(1_000);
    assertThat(graph.node(AssetKey.of("l00/a0000")).upstream()).isEmpty();
    AssetNode deep = graph.node(AssetKey.of("l09/a0999"));
    assertThat(deep.upstream())
        .hasSize(AssetsWorkload.FAN_IN)
        .allSatisfy(k -> assertThat(k.path()).startsWith("l08/"));
    assertThat(graph.nodes()).filteredOn(n -> n.key().path().startsWith("l04/")).hasSize(100);
  }

  @Test
  void aSmallRunMaterializesEveryAssetAndReportsWhatItDid() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BenchRunner.run(
        "assets",
        new BenchOptions(null, null, 30, 3, null),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("  materialized 30 assets in "));
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new ObjectMapper().readValue(lines.get(lines.size() - 1), Map.class);
    assertThat(json)
        .containsEntry("workload", "assets")
        .containsEntry("store", "sqlite")
        .containsEntry("warmed_up", true)
        .containsEntry("assets", 30)
        .containsEntry("layers", 3)
        .containsEntry("status_reads", AssetsWorkload.STATUS_READS)
        .containsEntry("activities", 30)
        .containsKeys("wall_s", "materialize_s", "assets_per_s", "status_p50_ms", "status_max_ms");
    assertThat((Integer) json.get("workflow_tasks")).isPositive();
    assertThat((Integer) json.get("history_events")).isGreaterThan(60);
  }

  @Test
  void moreLayersThanAssetsAreRefused() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> BenchRunner.run("assets", new BenchOptions(null, null, 5, 8, null), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--length (layers of assets) must be at most --activities (assets): 8 layers of 5"
                + " assets");
  }
}
