package dev.weft.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Every built-in mapping against a brute-force reference that maps one index at a time, on random
 * sets of ranges, in both directions.
 */
class PartitionMappingTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final PartitionsContext NOW = PartitionsContext.at(Instant.parse("2030-01-01T00:00:00Z"));

  /**
   * Checks {@code mapping} between the definitions against {@code reference} (the upstream indexes
   * one downstream index reads), on downstream indexes [0, downSize) and upstream [0, upSize).
   */
  static void checkAgainstReference(
      PartitionMapping mapping,
      PartitionsDefinition up,
      PartitionsDefinition down,
      long upSize,
      long downSize,
      LongFunction<IndexRangeSet> reference) {
    assertThat(mapping.refusal(up, down)).isEmpty();
    PartitionEdge edge = PartitionEdge.of(up, down, NOW);
    IndexRangeSet upDomain = IndexRangeSet.of(new IndexRange(0, upSize));
    IndexRangeSet downDomain = IndexRangeSet.of(new IndexRange(0, downSize));
    List<IndexRangeSet> perIndex = new ArrayList<>();
    for (long d = 0; d < downSize; d++) {
      perIndex.add(reference.apply(d).intersect(upDomain));
    }
    Random random = new Random(21);
    for (int round = 0; round < 200; round++) {
      IndexRangeSet downSet =
          randomSet(random, downSize).intersect(IndexRangeSet.of(down.declaredRange()));
      IndexRangeSet expectedUp = IndexRangeSet.empty();
      for (IndexRange r : downSet.ranges()) {
        for (long d = r.start(); d < r.end(); d++) {
          expectedUp = expectedUp.union(perIndex.get((int) d));
        }
      }
      assertThat(mapping.upstream(downSet, edge).intersect(upDomain))
          .as("%s upstream of %s", mapping.name(), downSet)
          .isEqualTo(expectedUp);

      IndexRangeSet upSet =
          randomSet(random, upSize).intersect(IndexRangeSet.of(up.declaredRange()));
      List<IndexRange> expectedDown = new ArrayList<>();
      for (long d = 0; d < downSize; d++) {
        if (!perIndex.get((int) d).intersect(upSet).isEmpty()) {
          expectedDown.add(IndexRange.of(d));
        }
      }
      assertThat(mapping.downstream(upSet, edge).intersect(downDomain))
          .as("%s downstream of %s", mapping.name(), upSet)
          .isEqualTo(IndexRangeSet.of(expectedDown));
    }
  }

  static IndexRangeSet randomSet(Random random, long size) {
    List<IndexRange> ranges = new ArrayList<>();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      long start = random.nextLong(size);
      long end = Math.min(size, start + 1 + random.nextLong(Math.max(1, size / 4)));
      ranges.add(new IndexRange(start, end));
    }
    return IndexRangeSet.of(ranges);
  }

  static IndexRangeSet range(long start, long end) {
    long s = Math.max(0, start);
    return s < end ? IndexRangeSet.of(new IndexRange(s, end)) : IndexRangeSet.empty();
  }

  /** The upstream windows overlapping downstream windows d + so .. d + eo, by scanning. */
  static LongFunction<IndexRangeSet> windows(
      TimeWindowPartitions up, TimeWindowPartitions down, long upSize, int so, int eo) {
    return d -> {
      Instant from = down.windowStart(d + so).toInstant();
      Instant to = down.windowEnd(d + eo).toInstant();
      List<IndexRange> out = new ArrayList<>();
      for (long u = 0; u < upSize; u++) {
        if (up.windowStart(u).toInstant().isBefore(to)
            && up.windowEnd(u).toInstant().isAfter(from)) {
          out.add(IndexRange.of(u));
        }
      }
      return IndexRangeSet.of(out);
    };
  }

  @Test
  void identityBetweenEqualDefinitionsAndIntegerRanges() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN);
    checkAgainstReference(PartitionMapping.identity(), days, days, 300, 300, d -> range(d, d + 1));
    IntegerRangePartitions up = IntegerRangePartitions.from(10).to(200);
    IntegerRangePartitions down = IntegerRangePartitions.from(0).to(150);
    checkAgainstReference(
        PartitionMapping.identity(),
        up,
        down,
        250,
        150,
        d -> range(d, d + 1).intersect(range(10, 200)));
  }

  @Test
  void integerShiftsBothWays() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    checkAgainstReference(
        PartitionMapping.integerShift(-3), blocks, blocks, 300, 300, d -> range(d - 3, d - 2));
    IntegerRangePartitions bounded = IntegerRangePartitions.from(5).to(250);
    checkAgainstReference(
        PartitionMapping.integerShift(5),
        bounded,
        blocks,
        300,
        300,
        d -> range(d + 5, d + 6).intersect(range(5, 250)));
  }

  @Test
  void integerToCoarserGroupsBlocks() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    checkAgainstReference(
        PartitionMapping.integerToCoarser(7),
        blocks,
        blocks,
        350,
        50,
        d -> range(d * 7, d * 7 + 7));
    PartitionEdge edge = PartitionEdge.of(blocks, blocks, NOW);
    assertThat(
            PartitionMapping.integerToCoarser(1000)
                .downstream(IndexRangeSet.of(new IndexRange(19_000_985, 19_001_000)), edge))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(19_000)));
    assertThat(
            PartitionMapping.integerToCoarser(1000)
                .upstream(IndexRangeSet.of(IndexRange.of(19_000)), edge))
        .isEqualTo(IndexRangeSet.of(new IndexRange(19_000_000, 19_001_000)));
  }

  @Test
  void timeWindowYesterdayBetweenDailyAssets() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN);
    checkAgainstReference(
        PartitionMapping.timeWindow(-1), days, days, 400, 400, d -> range(d - 1, d));
    checkAgainstReference(
        PartitionMapping.timeWindow(-6, 0), days, days, 400, 400, d -> range(d - 6, d + 1));
  }

  @Test
  void aDailyAssetReadsItsHoursAcrossDstChangesInBothZones() {
    for (ZoneId zone : new ZoneId[] {BERLIN, NEW_YORK}) {
      TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 3, 1), zone);
      TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 3, 1), zone);
      long upSize = 45 * 24;
      checkAgainstReference(
          PartitionMapping.timeWindow(0),
          hours,
          days,
          upSize,
          44,
          windows(hours, days, upSize, 0, 0));
      checkAgainstReference(
          PartitionMapping.timeWindow(-1),
          hours,
          days,
          upSize,
          44,
          windows(hours, days, upSize, -1, -1));
      PartitionEdge edge = PartitionEdge.of(hours, days, NOW);
      String spring = zone == BERLIN ? "2024-03-31" : "2024-03-10";
      assertThat(
              PartitionMapping.timeWindow(0)
                  .upstream(IndexRangeSet.of(IndexRange.of(days.index(spring))), edge)
                  .size())
          .isEqualTo(23);
      assertThat(
              PartitionMapping.timeWindow(-1)
                  .upstream(IndexRangeSet.of(IndexRange.of(days.index(spring) + 1)), edge)
                  .size())
          .isEqualTo(23);
    }
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 10, 1), NEW_YORK);
    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 10, 1), NEW_YORK);
    PartitionEdge edge = PartitionEdge.of(hours, days, NOW);
    IndexRangeSet fallBack =
        PartitionMapping.timeWindow(0)
            .upstream(IndexRangeSet.of(IndexRange.of(days.index("2024-11-03"))), edge);
    assertThat(fallBack.size()).isEqualTo(25);
    assertThat(hours.key(fallBack.ranges().get(0).start())).isEqualTo("2024-11-03-00:00");
    assertThat(
            PartitionMapping.timeWindow(0)
                .downstream(
                    IndexRangeSet.of(IndexRange.of(hours.index("2024-11-03-01:00-05:00"))), edge))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(days.index("2024-11-03"))));
  }

  @Test
  void timeWindowsBetweenOtherGranularities() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), NEW_YORK);
    TimeWindowPartitions weeks =
        TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), NEW_YORK, DayOfWeek.SUNDAY);
    TimeWindowPartitions months = TimeWindowPartitions.monthly(LocalDate.of(2024, 1, 1), NEW_YORK);
    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), NEW_YORK);
    checkAgainstReference(
        PartitionMapping.timeWindow(-2, 0), days, weeks, 200, 25, windows(days, weeks, 200, -2, 0));
    checkAgainstReference(
        PartitionMapping.timeWindow(0), weeks, months, 60, 12, windows(weeks, months, 60, 0, 0));
    checkAgainstReference(
        PartitionMapping.timeWindow(1), months, weeks, 14, 50, windows(months, weeks, 14, 1, 1));
    checkAgainstReference(
        PartitionMapping.timeWindow(-1), days, hours, 20, 400, windows(days, hours, 20, -1, -1));
  }

  @Test
  void allUpstreamAndLastNReadWhatExistsNow() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    PartitionsContext head = NOW.withIntegerEnd(100);
    PartitionEdge edge = PartitionEdge.of(blocks, PartitionsDefinition.unpartitioned(), head);
    IndexRangeSet only = IndexRangeSet.of(IndexRange.of(0));
    assertThat(PartitionMapping.allUpstream().upstream(only, edge))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, 100)));
    assertThat(PartitionMapping.allUpstream().downstream(IndexRangeSet.of(IndexRange.of(5)), edge))
        .isEqualTo(only);
    assertThat(PartitionMapping.allUpstream().downstream(IndexRangeSet.empty(), edge))
        .isEqualTo(IndexRangeSet.empty());
    assertThat(PartitionMapping.lastN(3).upstream(only, edge))
        .isEqualTo(IndexRangeSet.of(new IndexRange(97, 100)));
    assertThat(PartitionMapping.lastN(3).downstream(IndexRangeSet.of(IndexRange.of(96)), edge))
        .isEqualTo(IndexRangeSet.empty());
    assertThat(PartitionMapping.lastN(3).downstream(IndexRangeSet.of(IndexRange.of(98)), edge))
        .isEqualTo(only);
    InMemoryDynamicPartitionKeys keys = new InMemoryDynamicPartitionKeys();
    keys.add("files", "a", "b", "c", "d");
    keys.remove("files", "d");
    keys.remove("files", "b");
    PartitionEdge files =
        PartitionEdge.of(
            DynamicPartitions.named("files"),
            PartitionsDefinition.unpartitioned(),
            NOW.withDynamicKeys(keys));
    assertThat(PartitionMapping.lastN(2).upstream(only, files))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(0), IndexRange.of(2)));
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    PartitionEdge toDays = PartitionEdge.of(PartitionsDefinition.unpartitioned(), days, NOW);
    assertThat(PartitionMapping.allUpstream().downstream(only, toDays))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, Long.MAX_VALUE)));
    assertThatThrownBy(() -> PartitionMapping.lastN(0)).hasMessage("lastN(0): expected n >= 1");
  }

  @Test
  void oneDimensionOfAMultiPartitionAgainstTheReference() {
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    StaticPartitions regions = StaticPartitions.of("eu", "us", "apac");
    MultiPartitions multi =
        MultiPartitions.of(
            PartitionDimension.of("date", days), PartitionDimension.of("region", regions));
    long dayCount = 60;
    PartitionsContext ctx = PartitionsContext.at(days.windowStart(dayCount).toInstant());
    // multi (date, region) -> daily: day d reads every region of day d - 1
    PartitionMapping byDate = PartitionMapping.dimension("date", PartitionMapping.timeWindow(-1));
    checkWithContext(
        byDate,
        multi,
        days,
        dayCount * 3,
        dayCount,
        ctx,
        d -> d == 0 ? IndexRangeSet.empty() : range((d - 1) * 3, d * 3));
    // daily -> multi: (day, region) reads day
    PartitionMapping dateOfMulti = PartitionMapping.dimension("date", PartitionMapping.identity());
    checkWithContext(
        dateOfMulti, days, multi, dayCount, dayCount * 3, ctx, m -> range(m / 3, m / 3 + 1));
    // static regions -> multi: (day, region) reads region (a dimension that is not the first)
    PartitionMapping region = PartitionMapping.dimension("region", PartitionMapping.identity());
    checkWithContext(region, regions, multi, 3, dayCount * 3, ctx, m -> range(m % 3, m % 3 + 1));
    // multi -> static regions: region r reads (every day, r)
    checkWithContext(
        region,
        multi,
        regions,
        dayCount * 3,
        3,
        ctx,
        r -> {
          List<IndexRange> out = new ArrayList<>();
          for (long d = 0; d < dayCount; d++) {
            out.add(IndexRange.of(d * 3 + r));
          }
          return IndexRangeSet.of(out);
        });
    assertThat(byDate.name()).isEqualTo("dimension(date, timeWindow(-1))");
  }

  @Test
  void theMiddleDimensionOfThreeAgainstTheReference() {
    StaticPartitions regions = StaticPartitions.of("eu", "us", "apac");
    MultiPartitions three =
        MultiPartitions.of(
            PartitionDimension.of("block", IntegerRangePartitions.from(0).to(20)),
            PartitionDimension.of("region", regions),
            PartitionDimension.of("shard", StaticPartitions.of("a", "b", "c", "d")));
    PartitionMapping region = PartitionMapping.dimension("region", PartitionMapping.identity());
    long size = 20 * 3 * 4;
    checkWithContext(
        region, regions, three, 3, size, NOW, m -> range((m / 4) % 3, (m / 4) % 3 + 1));
    checkWithContext(
        region,
        three,
        regions,
        size,
        3,
        NOW,
        r -> {
          List<IndexRange> out = new ArrayList<>();
          for (long m = 0; m < size; m++) {
            if ((m / 4) % 3 == r) {
              out.add(IndexRange.of(m));
            }
          }
          return IndexRangeSet.of(out);
        });
    PartitionEdge edge = PartitionEdge.of(regions, three, NOW);
    assertThat(region.downstream(IndexRangeSet.of(new IndexRange(0, 3)), edge))
        .isEqualTo(IndexRangeSet.of(new IndexRange(0, size)));
    PartitionMapping block = PartitionMapping.dimension("block", PartitionMapping.integerShift(-1));
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    checkWithContext(
        block,
        three,
        blocks,
        size,
        25,
        NOW,
        b -> b == 0 || b > 20 ? IndexRangeSet.empty() : range((b - 1) * 12, b * 12));
  }

  @Test
  void twoMultiPartitionsMapTheirFirstDimensionAgainstTheReference() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), BERLIN);
    StaticPartitions regions = StaticPartitions.of("eu", "us", "apac");
    MultiPartitions multi =
        MultiPartitions.of(
            PartitionDimension.of("date", days), PartitionDimension.of("region", regions));
    long size = 40 * 3;
    PartitionMapping yesterday =
        PartitionMapping.dimension("date", PartitionMapping.timeWindow(-1));
    checkWithContext(
        yesterday,
        multi,
        multi,
        size,
        size,
        NOW,
        m -> m < 3 ? IndexRangeSet.empty() : range(m - 3, m - 2));
    PartitionMapping week = PartitionMapping.dimension("date", PartitionMapping.timeWindow(-6, 0));
    checkWithContext(
        week,
        multi,
        multi,
        size,
        size,
        NOW,
        m -> {
          List<IndexRange> out = new ArrayList<>();
          for (long d = m / 3 - 6; d <= m / 3; d++) {
            if (d >= 0) {
              out.add(IndexRange.of(d * 3 + m % 3));
            }
          }
          return IndexRangeSet.of(out);
        });
    MultiPartitions blocksByShard =
        MultiPartitions.of(
            PartitionDimension.of("block", IntegerRangePartitions.from(10)),
            PartitionDimension.of("shard", StaticPartitions.of("a", "b")));
    PartitionMapping coarser =
        PartitionMapping.dimension("block", PartitionMapping.integerToCoarser(4));
    MultiPartitions chunksByShard =
        MultiPartitions.of(
            PartitionDimension.of("block", IntegerRangePartitions.from(0)),
            PartitionDimension.of("shard", StaticPartitions.of("a", "b")));
    checkWithContext(
        coarser,
        blocksByShard,
        chunksByShard,
        200,
        60,
        NOW,
        m -> {
          long chunk = m / 2;
          long shard = m % 2;
          List<IndexRange> out = new ArrayList<>();
          for (long b = chunk * 4; b < chunk * 4 + 4; b++) {
            if (b >= 10) {
              out.add(IndexRange.of((b - 10) * 2 + shard));
            }
          }
          return IndexRangeSet.of(out);
        });
    MultiPartitions otherRegions =
        MultiPartitions.of(
            PartitionDimension.of("date", days),
            PartitionDimension.of("region", StaticPartitions.of("eu")));
    assertThat(yesterday.refusal(multi, otherRegions))
        .contains(
            "dimension(date, timeWindow(-1)): between two multi-partitioned assets every dimension but the first is the same");
    assertThat(
            PartitionMapping.dimension("region", PartitionMapping.identity()).refusal(multi, multi))
        .contains(
            "dimension(region, identity): between two multi-partitioned assets the mapped dimension is the first of both");
    assertThat(
            PartitionMapping.dimension("date", PartitionMapping.integerShift(1))
                .refusal(multi, multi))
        .contains(
            "dimension(date, integerShift(1)): integerShift(1) maps between two integer ranges");
  }

  private static void checkWithContext(
      PartitionMapping mapping,
      PartitionsDefinition up,
      PartitionsDefinition down,
      long upSize,
      long downSize,
      PartitionsContext ctx,
      LongFunction<IndexRangeSet> reference) {
    PartitionEdge edge = PartitionEdge.of(up, down, ctx);
    IndexRangeSet upDomain = IndexRangeSet.of(new IndexRange(0, upSize));
    IndexRangeSet downDomain = IndexRangeSet.of(new IndexRange(0, downSize));
    assertThat(mapping.refusal(up, down)).isEmpty();
    Random random = new Random(3);
    for (int round = 0; round < 150; round++) {
      IndexRangeSet downSet = randomSet(random, downSize);
      IndexRangeSet expectedUp = IndexRangeSet.empty();
      for (IndexRange r : downSet.ranges()) {
        for (long d = r.start(); d < r.end(); d++) {
          expectedUp = expectedUp.union(reference.apply(d).intersect(upDomain));
        }
      }
      assertThat(mapping.upstream(downSet, edge).intersect(upDomain))
          .as("upstream of %s", downSet)
          .isEqualTo(expectedUp);
      IndexRangeSet upSet = randomSet(random, upSize);
      List<IndexRange> expectedDown = new ArrayList<>();
      for (long d = 0; d < downSize; d++) {
        if (!reference.apply(d).intersect(upSet).isEmpty()) {
          expectedDown.add(IndexRange.of(d));
        }
      }
      assertThat(mapping.downstream(upSet, edge).intersect(downDomain))
          .as("downstream of %s", upSet)
          .isEqualTo(IndexRangeSet.of(expectedDown));
    }
  }

  @Test
  void refusalsSayWhyAMappingCannotMap() {
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    StaticPartitions regions = StaticPartitions.of("eu", "us");
    MultiPartitions multi =
        MultiPartitions.of(
            PartitionDimension.of("date", days), PartitionDimension.of("region", regions));
    assertThat(PartitionMapping.identity().refusal(days, blocks))
        .contains("identity maps equal definitions or two integer ranges");
    assertThat(PartitionMapping.timeWindow(-1).refusal(blocks, days))
        .contains("timeWindow(-1) maps between two time window definitions");
    assertThat(PartitionMapping.integerShift(1).refusal(days, blocks))
        .contains("integerShift(1) maps between two integer ranges");
    assertThat(PartitionMapping.integerToCoarser(10).refusal(blocks, regions))
        .contains("integerToCoarser(10) maps between two integer ranges");
    assertThat(
            PartitionMapping.dimension("country", PartitionMapping.identity()).refusal(multi, days))
        .contains(
            "dimension(country, identity): no dimension 'country'; dimensions are [date, region]");
    assertThat(PartitionMapping.dimension("date", PartitionMapping.identity()).refusal(days, days))
        .contains("dimension(date, identity) maps from or to a multi-partitioned definition");
    assertThat(
            PartitionMapping.dimension("region", PartitionMapping.timeWindow(0))
                .refusal(multi, days))
        .contains(
            "dimension(region, timeWindow(0)): timeWindow(0) maps between two time window definitions");
    assertThat(PartitionMapping.allUpstream().refusal(days, regions)).isEmpty();
    assertThatThrownBy(() -> PartitionMapping.timeWindow(1, 0))
        .hasMessage("timeWindow(1, 0): expected startOffset <= endOffset");
    assertThatThrownBy(() -> PartitionMapping.integerToCoarser(0))
        .hasMessage("integerToCoarser(0): expected size >= 1");
  }

  @Test
  void defaultsDependOnBothDefinitions() {
    TimeWindowPartitions days =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    TimeWindowPartitions hours =
        TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
    StaticPartitions regions = StaticPartitions.of("eu", "us");
    MultiPartitions multi =
        MultiPartitions.of(
            PartitionDimension.of("date", days), PartitionDimension.of("region", regions));
    PartitionsDefinition none = PartitionsDefinition.unpartitioned();
    assertThat(name(none, none)).isEqualTo("identity");
    assertThat(name(none, days)).isEqualTo("allUpstream");
    assertThat(name(days, none)).isEqualTo("allUpstream");
    assertThat(name(days, days)).isEqualTo("identity");
    assertThat(name(hours, days)).isEqualTo("timeWindow(0)");
    assertThat(name(IntegerRangePartitions.from(0), IntegerRangePartitions.from(5).to(9)))
        .isEqualTo("identity");
    assertThat(name(days, multi)).isEqualTo("dimension(date, identity)");
    assertThat(name(multi, regions)).isEqualTo("dimension(region, identity)");
    assertThat(name(hours, multi)).isEqualTo("dimension(date, timeWindow(0))");
    MultiPartitions hourly =
        MultiPartitions.of(
            PartitionDimension.of("date", hours), PartitionDimension.of("region", regions));
    assertThat(name(hourly, multi)).isEqualTo("dimension(date, timeWindow(0))");
    assertThat(name(multi, multi)).isEqualTo("identity");
    MultiPartitions swapped =
        MultiPartitions.of(
            PartitionDimension.of("region", regions),
            PartitionDimension.of("date", days).capacity(400));
    assertThat(PartitionMapping.defaultFor(multi, swapped)).isEmpty();
    assertThat(PartitionMapping.defaultFor(days, regions)).isEmpty();
    assertThat(PartitionMapping.defaultFor(IntegerRangePartitions.from(0), days)).isEmpty();
  }

  private static String name(PartitionsDefinition up, PartitionsDefinition down) {
    return PartitionMapping.defaultFor(up, down).orElseThrow().name();
  }

  @Test
  void tenMillionPartitionsMapInRangesNotIndexes() {
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0);
    PartitionEdge edge = PartitionEdge.of(blocks, blocks, NOW.withIntegerEnd(10_000_000));
    IndexRangeSet all = IndexRangeSet.of(new IndexRange(0, 10_000_000));
    long started = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      assertThat(PartitionMapping.identity().downstream(all, edge)).isEqualTo(all);
      assertThat(PartitionMapping.integerShift(1).upstream(all, edge).size()).isEqualTo(10_000_000);
      assertThat(PartitionMapping.integerToCoarser(1000).downstream(all, edge).size())
          .isEqualTo(10_000);
    }
    assertThat(System.nanoTime() - started)
        .as("3,000 mappings of 10,000,000 partitions")
        .isLessThan(2_000_000_000L);
  }
}
