package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.UnknownAssetException;
import dev.weft.assets.partitions.PartitionCascade.Reached;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionCascadeTest {
  static final IntegerRangePartitions BLOCKS = IntegerRangePartitions.from(0);
  static final PartitionsContext HEAD =
      PartitionsContext.at(Instant.parse("2024-06-01T00:00:00Z")).withIntegerEnd(20_000_000);

  //  raw ----------> decoded --> enriched --> chunks (1,000 blocks each) --> summary
  // (unpartitioned)
  //    \------ integerShift(-1) ----^
  final AssetGraph blocks =
      AssetGraph.of(
          Asset.builder("chain/raw").partitions(BLOCKS).rangedCompute(1000).compute(ctx -> 1),
          Asset.builder("chain/decoded")
              .partitions(BLOCKS)
              .input("chain/raw", Object.class)
              .compute(ctx -> 1),
          Asset.builder("chain/enriched")
              .partitions(BLOCKS)
              .input("chain/decoded", Object.class)
              .input("chain/raw", Object.class, PartitionMapping.integerShift(-1))
              .compute(ctx -> 1),
          Asset.builder("chain/chunks")
              .partitions(BLOCKS)
              .input("chain/enriched", Object.class, PartitionMapping.integerToCoarser(1000))
              .compute(ctx -> 1),
          Asset.builder("chain/summary").input("chain/chunks", Object.class).compute(ctx -> 1));

  static IndexRangeSet range(long start, long end) {
    return IndexRangeSet.of(new IndexRange(start, end));
  }

  static AssetKey key(String path) {
    return AssetKey.of(path);
  }

  @Test
  void aReorgOfFifteenBlocksReachesExactlyTheirDependentsOnceEachInGraphOrder() {
    List<Reached> reached =
        PartitionCascade.of(blocks)
            .downstreamOf(key("chain/raw"), range(19_000_000, 19_000_015), HEAD);
    assertThat(reached)
        .containsExactly(
            new Reached(
                key("chain/decoded"),
                range(19_000_000, 19_000_015),
                key("chain/raw"),
                List.of(key("chain/raw"))),
            new Reached(
                key("chain/enriched"),
                range(19_000_000, 19_000_016),
                key("chain/raw"),
                List.of(key("chain/decoded"), key("chain/raw"))),
            new Reached(
                key("chain/chunks"),
                range(19_000, 19_001),
                key("chain/raw"),
                List.of(key("chain/enriched"))),
            new Reached(
                key("chain/summary"), range(0, 1), key("chain/raw"), List.of(key("chain/chunks"))));
  }

  @Test
  void aChangeThatMapsToNothingReachesNobody() {
    AssetGraph graph =
        AssetGraph.of(
            Asset.builder("a").partitions(BLOCKS).compute(ctx -> 1),
            Asset.builder("b")
                .partitions(IntegerRangePartitions.from(0).to(100))
                .input("a", Object.class)
                .compute(ctx -> 1),
            Asset.builder("c")
                .partitions(IntegerRangePartitions.from(0).to(100))
                .input("b", Object.class)
                .compute(ctx -> 1));
    assertThat(PartitionCascade.of(graph).downstreamOf(key("a"), range(500, 600), HEAD)).isEmpty();
    assertThat(PartitionCascade.of(graph).downstreamOf(key("c"), range(5, 6), HEAD)).isEmpty();
  }

  @Test
  void yesterdaysPartitionCascadesIntoTheWeekThatReadsIt() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), berlin);
    TimeWindowPartitions weeks = TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), berlin);
    AssetGraph graph =
        AssetGraph.of(
            Asset.builder("market/trades").partitions(days).compute(ctx -> 1),
            Asset.builder("market/returns")
                .partitions(days)
                .input("market/trades", Object.class, PartitionMapping.timeWindow(-1))
                .compute(ctx -> 1),
            Asset.builder("market/weekly")
                .partitions(weeks)
                .input("market/returns", Object.class)
                .compute(ctx -> 1));
    List<Reached> reached =
        PartitionCascade.of(graph)
            .downstreamOf(
                key("market/trades"),
                IndexRangeSet.of(IndexRange.of(days.index("2024-01-07"))),
                HEAD);
    assertThat(reached)
        .extracting(Reached::asset)
        .containsExactly(key("market/returns"), key("market/weekly"));
    assertThat(days.key(reached.get(0).partitions().ranges().get(0).start()))
        .isEqualTo("2024-01-08");
    assertThat(weeks.key(reached.get(1).partitions().ranges().get(0).start()))
        .isEqualTo("2024-01-08");
    assertThat(reached.get(1).partitions().size()).isEqualTo(1);
  }

  @Test
  void upstreamOfSaysWhatARangeReadsFromEachUpstream() {
    Map<AssetKey, IndexRangeSet> read =
        PartitionCascade.of(blocks).upstreamOf(key("chain/enriched"), range(100, 110), HEAD);
    assertThat(read)
        .containsExactly(
            Map.entry(key("chain/decoded"), range(100, 110)),
            Map.entry(key("chain/raw"), range(99, 109)));
    assertThat(
            PartitionCascade.of(blocks)
                .upstreamOf(key("chain/summary"), range(0, 1), k -> HEAD.withIntegerEnd(20_000)))
        .containsExactly(Map.entry(key("chain/chunks"), range(0, 20_000)));
    assertThat(PartitionCascade.of(blocks).upstreamOf(key("chain/raw"), range(0, 5), HEAD))
        .isEmpty();
  }

  @Test
  void badAssetsAndRangesAreRefusedNamingThem() {
    PartitionCascade cascade = PartitionCascade.of(blocks);
    assertThatThrownBy(() -> cascade.downstreamOf(key("chain/rae"), range(0, 1), HEAD))
        .isInstanceOf(UnknownAssetException.class)
        .hasMessageContaining("chain/rae");
    assertThatThrownBy(() -> cascade.downstreamOf(key("chain/summary"), range(0, 2), HEAD))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage(
            "partition index 1 of asset chain/summary: outside the declared indexes [0, 1) (unpartitioned)");
  }

  /** A user mapping: downstream partition j reads upstream 2j and 2j + 1 (pairs of blocks). */
  static final class Pairs implements PartitionMapping {
    @Override
    public IndexRangeSet upstream(IndexRangeSet downstream, PartitionEdge edge) {
      return IndexRangeSet.of(
          downstream.ranges().stream()
              .map(r -> new IndexRange(r.start() * 2, r.end() * 2))
              .toList());
    }

    @Override
    public IndexRangeSet downstream(IndexRangeSet upstream, PartitionEdge edge) {
      return IndexRangeSet.of(
          upstream.ranges().stream()
              .map(r -> new IndexRange(r.start() / 2, Math.ceilDiv(r.end(), 2)))
              .toList());
    }

    @Override
    public java.util.Optional<String> refusal(PartitionsDefinition up, PartitionsDefinition down) {
      return up instanceof IntegerRangePartitions
          ? java.util.Optional.empty()
          : java.util.Optional.of("pairs reads blocks");
    }

    @Override
    public String name() {
      return "pairs";
    }
  }

  @Test
  void aUserMappingIsCheckedWhenTheGraphIsBuiltAndFollowedByTheCascade() {
    AssetGraph graph =
        AssetGraph.of(
            Asset.builder("raw").partitions(BLOCKS).compute(ctx -> 1),
            Asset.builder("pairs")
                .partitions(BLOCKS)
                .input("raw", Object.class, new Pairs())
                .compute(ctx -> 1));
    assertThat(graph.mapping(key("raw"), key("pairs")).name()).isEqualTo("pairs");
    assertThat(PartitionCascade.of(graph).downstreamOf(key("raw"), range(7, 10), HEAD))
        .containsExactly(new Reached(key("pairs"), range(3, 5), key("raw"), List.of(key("raw"))));
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("raw").partitions(StaticPartitions.of("a")).compute(ctx -> 1),
                    Asset.builder("pairs")
                        .partitions(BLOCKS)
                        .input("raw", Object.class, new Pairs())
                        .compute(ctx -> 1)))
        .isInstanceOf(dev.weft.assets.InvalidAssetGraphException.class)
        .hasMessage(
            "invalid asset graph: partition mapping pairs cannot map raw (static partitions [a]) to pairs"
                + " (integer range partitions from 0, growing): pairs reads blocks");
  }

  @Test
  void aThousandPartitionsThroughTwoLevelsTakeMicroseconds() {
    PartitionCascade cascade = PartitionCascade.of(blocks);
    IndexRangeSet thousand = range(5_000_000, 5_001_000);
    for (int i = 0; i < 2_000; i++) {
      cascade.downstreamOf(key("chain/raw"), thousand, HEAD);
    }
    int runs = 2_000;
    long started = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      assertThat(cascade.downstreamOf(key("chain/raw"), thousand, HEAD)).hasSize(4);
    }
    long perCascade = (System.nanoTime() - started) / runs;
    assertThat(perCascade).as("nanoseconds per cascade").isLessThan(1_000_000L);
  }
}
