package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.InvalidAssetGraphException.Kind;
import dev.weft.assets.annotation.Input;
import dev.weft.assets.internal.CatalogNodes;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.store.assets.AssetNodeRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionedAssetsTest {
  static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  static final IntegerRangePartitions BLOCKS = IntegerRangePartitions.from(0);

  @Test
  void theBuilderDeclaresPartitionsMappingsAndRangedComputes() {
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .input("market/prices", Object.class, PartitionMapping.timeWindow(-1))
            .dep("market/calendar", PartitionMapping.allUpstream())
            .rangedCompute(31)
            .compute(ctx -> 1);
    assertThat(returns.partitioning().definition()).isEqualTo(DAILY);
    assertThat(returns.partitioning().maxPartitionsPerRun()).isEqualTo(31);
    assertThat(
            returns
                .partitioning()
                .declaredMapping(AssetKey.of("market/prices"))
                .orElseThrow()
                .name())
        .isEqualTo("timeWindow(-1)");
    assertThat(returns.deps()).containsExactly(AssetKey.of("market/calendar"));
    AssetDefinition plain = Asset.builder("plain").compute(ctx -> 1);
    assertThat(plain.partitioning()).isEqualTo(AssetPartitioning.NONE);
    assertThat(plain.partitioning().partitioned()).isFalse();
  }

  @Test
  void multiAssetsAndObservableSourcesArePartitionedToo() {
    MultiAssetDefinition feed =
        Asset.multi("feed")
            .output("market/trades", Object.class)
            .output("market/quotes", Object.class)
            .partitions(DAILY)
            .dep("chain/raw", PartitionMapping.allUpstream())
            .rangedCompute(7)
            .compute(ctx -> AssetOutputs.of("market/trades", 1).and("market/quotes", 2));
    ObservableSourceAsset raw =
        Asset.observableSource("chain/raw").partitions(BLOCKS).observe(ctx -> DataVersion.of("h"));
    AssetGraph graph = AssetGraph.of(feed, raw);
    assertThat(graph.node(AssetKey.of("market/quotes")).partitions()).isEqualTo(DAILY);
    assertThat(graph.node(AssetKey.of("chain/raw")).partitions()).isEqualTo(BLOCKS);
    assertThat(graph.mapping(AssetKey.of("chain/raw"), AssetKey.of("market/trades")).name())
        .isEqualTo("allUpstream");
  }

  @Test
  void theGraphResolvesDefaultMappings() {
    AssetGraph graph =
        AssetGraph.of(
            Asset.builder("a").partitions(DAILY).compute(ctx -> 1),
            Asset.builder("b").partitions(DAILY).input("a", Object.class).compute(ctx -> 1),
            Asset.builder("c").input("b", Object.class).compute(ctx -> 1));
    assertThat(graph.mapping(AssetKey.of("a"), AssetKey.of("b")).name()).isEqualTo("identity");
    assertThat(graph.mapping(AssetKey.of("b"), AssetKey.of("c")).name()).isEqualTo("allUpstream");
    assertThatThrownBy(() -> graph.mapping(AssetKey.of("a"), AssetKey.of("c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("asset c does not read or depend on a");
  }

  @Test
  void aMappingThatCannotMapIsRefusedNamingBothAssetsBothDefinitionsAndTheMapping() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("chain/raw").partitions(BLOCKS).compute(ctx -> 1),
                    Asset.builder("market/daily")
                        .partitions(DAILY)
                        .input("chain/raw", Object.class, PartitionMapping.timeWindow(-1))
                        .compute(ctx -> 1)))
        .isInstanceOfSatisfying(
            InvalidAssetGraphException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).kind()).isEqualTo(Kind.PARTITION_MAPPING);
              assertThat(e.problems().get(0).keys())
                  .containsExactly(AssetKey.of("chain/raw"), AssetKey.of("market/daily"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "invalid asset graph: partition mapping timeWindow(-1) cannot map chain/raw"
                          + " (integer range partitions from 0, growing) to market/daily (daily partitions"
                          + " from 2024-01-01 in Z): timeWindow(-1) maps between two time window"
                          + " definitions");
            });
  }

  @Test
  void anInputWithoutAMappingAndWithoutADefaultIsRefused() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("regions")
                        .partitions(StaticPartitions.of("eu", "us"))
                        .compute(ctx -> 1),
                    Asset.builder("daily")
                        .partitions(DAILY)
                        .input("regions", Object.class)
                        .compute(ctx -> 1)))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessage(
            "invalid asset graph: no partition mapping: daily (daily partitions from 2024-01-01 in Z)"
                + " reads regions (static partitions [eu, us]) and there is no default between them;"
                + " declare one with input(key, type, mapping) or dep(key, mapping)");
  }

  @Test
  void badPartitioningIsRefusedWhenTheDefinitionIsBuilt() {
    assertThatThrownBy(() -> Asset.builder("a").rangedCompute(10).compute(ctx -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rangedCompute(10) needs partitions(...): the asset has none");
    assertThatThrownBy(() -> Asset.builder("a").partitions(DAILY).rangedCompute(0))
        .hasMessage("rangedCompute(0): expected at least 1 partition per run");
    AssetPartitioning stray =
        new AssetPartitioning(
            DAILY, java.util.Map.of(AssetKey.of("x"), PartitionMapping.identity()), 1);
    assertThatThrownBy(
            () ->
                new AssetDefinition(
                    AssetSpec.builder("a").build(),
                    List.of(),
                    java.util.Set.of(),
                    ctx -> 1,
                    null,
                    stray))
        .hasMessage("asset a: a partition mapping names x, which is neither an input nor a dep");
  }

  /** Annotated assets name their partitions and mappings by member. */
  public static class Market {
    static final PartitionsDefinition DAILY_PARTITIONS = DAILY;
    static final PartitionMapping YESTERDAY = PartitionMapping.timeWindow(-1);

    static PartitionsDefinition blocks() {
      return BLOCKS;
    }

    @dev.weft.assets.annotation.Asset(
        key = "market/prices",
        partitions = "DAILY_PARTITIONS",
        maxPartitionsPerRun = 31)
    public long prices() {
      return 1;
    }

    @dev.weft.assets.annotation.Asset(key = "market/returns", partitions = "DAILY_PARTITIONS")
    public long returns(@Input(value = "market/prices", mapping = "YESTERDAY") long prices) {
      return prices;
    }

    @dev.weft.assets.annotation.ObservableSource(key = "chain/head", partitions = "blocks")
    public DataVersion head() {
      return DataVersion.of("h");
    }
  }

  /** Names a member that does not exist. */
  public static class Typo {
    static final PartitionsDefinition DAILY_PARTITIONS = DAILY;

    @dev.weft.assets.annotation.Asset(key = "a", partitions = "DAILY_PARTITONS")
    public long a() {
      return 1;
    }
  }

  /** Names a member of the wrong type. */
  public static class WrongType {
    static final PartitionMapping YESTERDAY = PartitionMapping.timeWindow(-1);

    @dev.weft.assets.annotation.Asset(key = "a", partitions = "YESTERDAY")
    public long a() {
      return 1;
    }
  }

  @Test
  void annotatedAssetsNamePartitionsAndMappingsByMember() {
    AssetGraph graph = AssetGraph.of(AnnotatedAssets.of(new Market()));
    AssetNode returns = graph.node(AssetKey.of("market/returns"));
    assertThat(returns.partitions()).isEqualTo(DAILY);
    assertThat(graph.mapping(AssetKey.of("market/prices"), AssetKey.of("market/returns")).name())
        .isEqualTo("timeWindow(-1)");
    assertThat(
            graph
                .node(AssetKey.of("market/prices"))
                .definition()
                .partitioning()
                .maxPartitionsPerRun())
        .isEqualTo(31);
    assertThat(graph.node(AssetKey.of("chain/head")).partitions()).isEqualTo(BLOCKS);
    assertThatThrownBy(() -> AnnotatedAssets.of(new Typo()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            Typo.class.getName()
                + ".a: partitions = \"DAILY_PARTITONS\" names no field or no-argument method of "
                + Typo.class.getName()
                + " (expected one giving a PartitionsDefinition)");
    assertThatThrownBy(() -> AnnotatedAssets.of(new WrongType()))
        .hasMessageContaining(
            "partitions = \"YESTERDAY\" gives dev.weft.assets.partitions.TimeWindowMapping, expected a PartitionsDefinition");
  }

  @Test
  void theCatalogNodeCarriesThePartitionsAndTheMappingNames() throws Exception {
    AssetGraph graph =
        AssetGraph.of(
            Asset.builder("market/prices").partitions(DAILY).rangedCompute(31).compute(ctx -> 1),
            Asset.builder("market/returns")
                .partitions(DAILY)
                .input("market/prices", Object.class, PartitionMapping.timeWindow(-1))
                .compute(ctx -> 1),
            Asset.builder("market/report").input("market/returns", Object.class).compute(ctx -> 1),
            Asset.builder("plain").compute(ctx -> 1));
    ObjectMapper json = new ObjectMapper();
    List<AssetNodeRecord> nodes = CatalogNodes.of(graph);
    JsonNode prices = json.readTree(find(nodes, "market/prices").definitionJson());
    assertThat(prices.path("partitions").path("type").asText()).isEqualTo("time-window");
    assertThat(prices.path("partitions").path("start").asText()).isEqualTo("2024-01-01");
    assertThat(prices.path("maxPartitionsPerRun").asInt()).isEqualTo(31);
    JsonNode returns = json.readTree(find(nodes, "market/returns").definitionJson());
    assertThat(returns.path("partitionMappings").path("market/prices").asText())
        .isEqualTo("timeWindow(-1)");
    JsonNode report = json.readTree(find(nodes, "market/report").definitionJson());
    assertThat(report.get("partitions").isNull()).isTrue();
    assertThat(report.path("partitionMappings").path("market/returns").asText())
        .isEqualTo("allUpstream");
    JsonNode plain = json.readTree(find(nodes, "plain").definitionJson());
    assertThat(plain.has("partitions")).isFalse();
    assertThat(plain.has("partitionMappings")).isFalse();
  }

  private static AssetNodeRecord find(List<AssetNodeRecord> nodes, String key) {
    return nodes.stream().filter(n -> n.assetKey().equals(key)).findFirst().orElseThrow();
  }
}
