package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionSpanPage;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Write;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link AssetPartitions} on a real store: reads in keys, invalidate, observations, dynamic keys.
 */
class AssetPartitionsTest {
  private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
  private static final AssetKey PRICES = AssetKey.of("market/prices");
  private static final AssetKey RETURNS = AssetKey.of("market/returns");
  private static final AssetKey BLOCKS = AssetKey.of("chain/blocks");
  private static final AssetKey TXS = AssetKey.of("chain/txs");
  private static final AssetKey ORDERS = AssetKey.of("shop/orders");

  @TempDir Path dir;
  private WeftEngine engine;
  private Assets assets;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  AssetPartitions start(TestStore kind) {
    engine = WeftEngine.builder().store(kind.open(dir)).nodeId("partitions-test").build();
    TimeWindowPartitions january =
        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC)
            .end(LocalDate.of(2024, 2, 1));
    IntegerRangePartitions blocks = IntegerRangePartitions.from(0).to(100);
    assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder(PRICES.path()).partitions(january).compute(ctx -> 1),
                Asset.builder(RETURNS.path())
                    .partitions(january)
                    .input(PRICES.path(), Integer.class, PartitionMapping.timeWindow(-1))
                    .compute(ctx -> 1),
                Asset.observableSource(BLOCKS.path())
                    .partitions(blocks)
                    .observe(ctx -> DataVersion.of("h")),
                Asset.builder(TXS.path())
                    .partitions(blocks)
                    .dep(BLOCKS.path(), PartitionMapping.identity())
                    .compute(ctx -> 1),
                Asset.builder(ORDERS.path())
                    .partitions(DynamicPartitions.named("customers"))
                    .compute(ctx -> 1))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    return assets.partitions();
  }

  void commit(Write write) {
    assertThat(engine.store().commit(Batch.of(write)).join())
        .isInstanceOf(CommitResult.Committed.class);
  }

  void materialize(AssetKey asset, long start, long end, String version) {
    commit(
        new RecordPartitionsMaterialized(
            engine.namespace(),
            asset.path(),
            IndexRangeSet.of(new IndexRange(start, end)),
            start + ".." + (end - 1),
            new PartitionMaterialization(
                "run-1", version, "c1", Map.of(), "{}", NOW.minusSeconds(5), NOW),
            List.of()));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void countsIncludeMissingAndEachBucketSaysHowManyOfEachStatus(TestStore kind) {
    AssetPartitions partitions = start(kind);
    materialize(PRICES, 0, 10, "p1");

    assertThat(partitions.counts(PRICES))
        .isEqualTo(new AssetPartitionCounts(10, 0, 0, 0, 21, true));
    List<PartitionBucket> bar = partitions.bar(PRICES, null, null, 4);
    assertThat(bar).hasSize(4);
    assertThat(bar.get(0).firstKey()).isEqualTo("2024-01-01");
    assertThat(bar.get(0).lastKey()).isEqualTo("2024-01-08");
    assertThat(bar.get(0).counts()).isEqualTo(new AssetPartitionCounts(8, 0, 0, 0, 0, true));
    assertThat(bar.get(1).counts()).isEqualTo(new AssetPartitionCounts(2, 0, 0, 0, 6, true));
    assertThat(bar.get(3).lastKey()).isEqualTo("2024-01-31");
    assertThat(partitions.bar(PRICES, "2024-01-10", "2024-01-11", 10))
        .extracting(
            b -> b.firstKey() + " " + b.counts().materialized() + "/" + b.counts().missing())
        .containsExactly("2024-01-10 1/0", "2024-01-11 0/1");

    PartitionKeyStatus one = partitions.status(PRICES, "2024-01-03");
    assertThat(one.index()).isEqualTo(2);
    assertThat(one.status()).isEqualTo(AssetPartitionStatus.MATERIALIZED);
    assertThat(one.state().dataVersion()).isEqualTo("p1");
    assertThat(partitions.status(PRICES, "2024-01-30").status())
        .isEqualTo(AssetPartitionStatus.MISSING);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anInvalidationCascadesThroughTheMappingsAndSaysHowManyBecameStale(TestStore kind) {
    AssetPartitions partitions = start(kind);
    materialize(PRICES, 0, 31, "p1");
    materialize(RETURNS, 0, 31, "r1");

    PartitionInvalidation done =
        partitions.invalidate(PRICES, "2024-01-05", "2024-01-09", "bad vendor file");

    assertThat(done.madeStale()).containsExactly(Map.entry(PRICES, 5L), Map.entry(RETURNS, 5L));
    assertThat(partitions.status(RETURNS, "2024-01-05").status())
        .isEqualTo(AssetPartitionStatus.MATERIALIZED);
    PartitionKeyStatus stale = partitions.status(RETURNS, "2024-01-10");
    assertThat(stale.status()).isEqualTo(AssetPartitionStatus.STALE);
    assertThat(stale.state().reasons().get(0).kind()).isEqualTo(StaleReasonKind.UPSTREAM_STALE);
    assertThat(stale.state().reasons().get(0).detail()).contains("bad vendor file");
    PartitionSpanPage page = partitions.list(RETURNS, AssetPartitionStatus.STALE, null, 10);
    assertThat(page.spans())
        .extracting(s -> s.firstKey() + ".." + s.lastKey() + " " + s.size())
        .containsExactly("2024-01-06..2024-01-10 5");
    assertThat(page.nextPageToken()).isNull();
    assertThat(partitions.counts(RETURNS).stale()).isEqualTo(5);

    PartitionInvalidation again = partitions.invalidate(PRICES, List.of("2024-01-05"), "twice");
    assertThat(again.madeStale()).containsExactly(Map.entry(PRICES, 0L), Map.entry(RETURNS, 0L));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aChangedObservedPartitionMakesExactlyItsDependentsStale(TestStore kind) {
    AssetPartitions partitions = start(kind);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (int block = 0; block < 20; block++) {
      hashes.put(String.valueOf(block), "h" + block);
    }
    assertThat(partitions.recordObservations(BLOCKS, hashes).isEmpty()).isTrue();
    materialize(TXS, 0, 20, "t1");

    IndexRangeSet changed =
        partitions.recordObservations(
            BLOCKS, Map.of("3", "h3-reorg", "4", "h4", "17", "h17-reorg"));

    assertThat(changed).isEqualTo(IndexRangeSet.of(IndexRange.of(3), IndexRange.of(17)));
    assertThat(partitions.status(BLOCKS, "3").state().dataVersion()).isEqualTo("h3-reorg");
    assertThat(partitions.status(TXS, "3").status()).isEqualTo(AssetPartitionStatus.STALE);
    assertThat(partitions.status(TXS, "4").status()).isEqualTo(AssetPartitionStatus.MATERIALIZED);
    assertThat(partitions.status(TXS, "17").status()).isEqualTo(AssetPartitionStatus.STALE);
    assertThat(partitions.counts(TXS)).isEqualTo(new AssetPartitionCounts(18, 2, 0, 0, 80, true));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void dynamicKeysAreAddedAndRemovedThroughTheCatalog(TestStore kind) {
    AssetPartitions partitions = start(kind);
    assertThat(partitions.addDynamicPartitions("customers", List.of("acme", "globex", "initech")))
        .containsExactly(Map.entry("acme", 0L), Map.entry("globex", 1L), Map.entry("initech", 2L));
    assertThat(partitions.counts(ORDERS).missing()).isEqualTo(3);
    materialize(ORDERS, 0, 2, "o1");
    assertThat(partitions.status(ORDERS, "globex").status())
        .isEqualTo(AssetPartitionStatus.MATERIALIZED);

    partitions.removeDynamicPartitions("customers", List.of("acme"));
    assertThat(partitions.dynamicPartitions("customers", null, 10).partitions())
        .extracting(p -> p.key() + "=" + p.index())
        .containsExactly("globex=1", "initech=2");
    assertThat(partitions.counts(ORDERS)).isEqualTo(new AssetPartitionCounts(1, 0, 0, 0, 1, true));
    assertThat(partitions.addDynamicPartitions("customers", List.of("acme")))
        .containsExactly(Map.entry("acme", 3L));

    commit(
        new MarkPartitionsInProgress(
            engine.namespace(),
            ORDERS.path(),
            IndexRangeSet.of(IndexRange.of(2)),
            "backfill-7",
            NOW));
    assertThatThrownBy(() -> partitions.removeDynamicPartitions("customers", List.of("initech")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initech")
        .hasMessageContaining(ORDERS.path())
        .hasMessageContaining("backfill-7");
    assertThat(partitions.status(ORDERS, "initech").status())
        .isEqualTo(AssetPartitionStatus.IN_PROGRESS);
    assertThatThrownBy(() -> partitions.removeDynamicPartitions("customers", List.of("nope")))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessage("partition key 'nope': not a current key (dynamic partitions 'customers')");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputIsRefusedNamingAssetPartitionAndDefinition(TestStore kind) {
    AssetPartitions partitions = start(kind);
    assertThatThrownBy(() -> partitions.status(PRICES, "2023-12-31"))
        .isInstanceOfSatisfying(
            PartitionKeyException.class,
            e -> {
              assertThat(e.asset()).isEqualTo(PRICES);
              assertThat(e.key()).isEqualTo("2023-12-31");
              assertThat(e.getMessage()).contains("market/prices").contains("daily partitions");
            });
    assertThatThrownBy(() -> partitions.bar(PRICES, "2024-01-09", "2024-01-05", 10))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("of asset market/prices: from is after to '2024-01-05'");
    assertThatThrownBy(() -> partitions.invalidate(PRICES, "2024-01-09", "2024-01-05", "x"))
        .isInstanceOf(PartitionKeyException.class);
    assertThatThrownBy(() -> partitions.bar(PRICES, null, null, 0))
        .hasMessage("buckets is 0: expected 1..100000");
    assertThatThrownBy(() -> partitions.counts(AssetKey.of("market/pricez")))
        .isInstanceOf(UnknownAssetException.class);
    assertThatThrownBy(() -> partitions.list(PRICES, AssetPartitionStatus.MISSING, null, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> partitions.invalidate(PRICES, List.of("2024-01-01"), " "))
        .hasMessageContaining("reason");
    assertThat(partitions.counts(PRICES).materialized()).isZero();
  }
}
