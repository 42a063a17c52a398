package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.internal.InvalidateOutcome;
import dev.weft.assets.internal.InvalidateRequest;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionGapPage;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.ApplicationFailure;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CatalogPartitions} (definitions rebuilt from the catalog) answers as {@link
 * AssetPartitions} (definitions from the code) does, and {@link PartitionInvalidator} (the activity
 * behind the server's invalidate) refuses a rematerialization over differently partitioned assets
 * before writing anything.
 */
class CatalogPartitionsTest {
  private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final AssetKey PRICES = AssetKey.of("market/prices");
  private static final AssetKey WEEKLY = AssetKey.of("market/weekly");
  private static final AssetKey BLOCKS = AssetKey.of("chain/blocks");
  private static final AssetKey ORDERS = AssetKey.of("shop/orders");
  private static final AssetKey PLAIN = AssetKey.of("misc/plain");

  @TempDir Path dir;
  private WeftEngine engine;
  private Assets assets;

  @BeforeEach
  void start() {
    engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).nodeId("catalog-test").build();
    assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder(PRICES.path())
                    .partitions(
                        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC)
                            .end(LocalDate.of(2024, 2, 1)))
                    .compute(ctx -> 1),
                Asset.builder(WEEKLY.path())
                    .partitions(
                        TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), ZoneOffset.UTC)
                            .end(LocalDate.of(2024, 1, 29)))
                    .input(PRICES.path(), Integer.class)
                    .compute(ctx -> 1),
                Asset.builder(BLOCKS.path())
                    .partitions(IntegerRangePartitions.from(0).to(100))
                    .compute(ctx -> 1),
                Asset.builder(ORDERS.path())
                    .partitions(DynamicPartitions.named("customers"))
                    .compute(ctx -> 1),
                Asset.builder(PLAIN.path()).compute(ctx -> 1))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(CLOCK)
            .build();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void materialize(AssetKey asset, long start, long end) {
    CommitResult result =
        engine
            .store()
            .commit(
                Batch.of(
                    new RecordPartitionsMaterialized(
                        engine.namespace(),
                        asset.path(),
                        IndexRangeSet.of(new IndexRange(start, end)),
                        start + ".." + (end - 1),
                        new PartitionMaterialization(
                            "run-1", "v" + start, "c1", Map.of(), "{}", NOW, NOW),
                        List.of())))
            .join();
    assertThat(result).isInstanceOf(CommitResult.Committed.class);
  }

  @Test
  void answersAsTheCodesPartitionsDo() {
    materialize(PRICES, 2, 5);
    materialize(PRICES, 10, 12);
    materialize(BLOCKS, 50, 60);
    AssetPartitions code = assets.partitions();
    CatalogPartitions catalog = new CatalogPartitions(engine.store(), engine.namespace(), CLOCK);
    catalog.addDynamicPartitions("customers", List.of("acme", "globex"));

    for (AssetKey key : List.of(PRICES, WEEKLY, BLOCKS, ORDERS, PLAIN)) {
      assertThat(catalog.definition(key)).isEqualTo(code.definition(key));
    }
    for (AssetKey key : List.of(PRICES, WEEKLY, BLOCKS, ORDERS)) {
      assertThat(catalog.counts(key)).isEqualTo(code.counts(key));
      assertThat(catalog.bar(key, null, null, 7)).isEqualTo(code.bar(key, null, null, 7));
      assertThat(catalog.missing(key, null, 100)).isEqualTo(code.missing(key, null, 100));
    }
    assertThat(catalog.list(PRICES, AssetPartitionStatus.MATERIALIZED, null, 10).spans())
        .isEqualTo(code.list(PRICES, AssetPartitionStatus.MATERIALIZED, null, 10).spans());
    assertThat(catalog.status(PRICES, "2024-01-03")).isEqualTo(code.status(PRICES, "2024-01-03"));
    assertThat(catalog.firstKey(BLOCKS)).contains("0");
    assertThat(catalog.lastKey(ORDERS)).contains("globex");
    assertThat(catalog.location(PRICES)).isEqualTo(assets.location());

    PartitionGapPage first = catalog.missing(PRICES, null, 2);
    assertThat(first.gaps())
        .extracting(g -> g.firstKey() + ".." + g.lastKey())
        .containsExactly("2024-01-01..2024-01-02", "2024-01-06..2024-01-10");
    PartitionGapPage rest = catalog.missing(PRICES, first.nextPageToken(), 2);
    assertThat(rest.gaps())
        .extracting(g -> g.firstKey() + ".." + g.lastKey())
        .containsExactly("2024-01-13..2024-01-31");
    assertThat(rest.nextPageToken()).isNull();
    assertThatThrownBy(() -> catalog.missing(PRICES, "7", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'7'");
    assertThatThrownBy(() -> catalog.counts(AssetKey.of("market/nope")))
        .isInstanceOf(UnknownAssetException.class)
        .hasMessageContaining("market/nope");
  }

  @Test
  void theInvalidatorCascadesAndRefusesARematerializationOverOtherDefinitions() {
    materialize(PRICES, 0, 31);
    materialize(WEEKLY, 0, 4);
    PartitionInvalidator invalidator = new PartitionInvalidator(() -> assets);

    assertThatThrownBy(
            () ->
                invalidator.invalidate(
                    new InvalidateRequest(
                        PRICES.path(), "2024-01-02", "2024-01-03", null, "bad file", true)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("IllegalArgumentException");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getMessage()).contains("market/weekly").contains("rematerialize");
            });
    assertThat(assets.partitions().counts(PRICES).stale()).isZero();

    InvalidateOutcome done =
        invalidator.invalidate(
            new InvalidateRequest(
                PRICES.path(), "2024-01-02", "2024-01-03", null, "bad file", false));
    assertThat(done.invalidated())
        .containsExactly(
            new InvalidateOutcome.InvalidatedCount(PRICES.path(), 2),
            new InvalidateOutcome.InvalidatedCount(WEEKLY.path(), 1));
    assertThat(done.workflowId()).isNull();

    assertThatThrownBy(
            () ->
                invalidator.invalidate(
                    new InvalidateRequest("market/nope", null, null, List.of("1"), "x", false)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo("UnknownAssetException"));
    assertThatThrownBy(
            () ->
                invalidator.invalidate(
                    new InvalidateRequest(
                        PRICES.path(), null, null, List.of("2024-02-30"), "x", false)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo("PartitionKeyException"));
  }

  @Test
  void aDefinitionItCannotReadFailsOnlyTheQuestionsAboutThatAsset() {
    AssetKey broken = AssetKey.of("legacy/broken");
    CommitResult result =
        engine
            .store()
            .commit(
                Batch.of(
                    new RegisterAssetGraph(
                        engine.namespace(),
                        "legacy-app",
                        List.of(
                            new AssetNodeRecord(
                                broken.path(),
                                AssetKind.COMPUTED,
                                null,
                                List.of(),
                                "legacy",
                                "{\"partitions\":{\"type\":\"hourly-ish\"}}")),
                        NOW)))
            .join();
    assertThat(result).isInstanceOf(CommitResult.Committed.class);
    materialize(BLOCKS, 50, 60);
    CatalogPartitions catalog = new CatalogPartitions(engine.store(), engine.namespace(), CLOCK);

    // each definition is rebuilt when an asset is asked about, not the whole graph's at once
    assertThat(catalog.counts(BLOCKS).materialized()).isEqualTo(10);
    assertThat(catalog.bar(BLOCKS, null, null, 2)).hasSize(2);
    assertThatThrownBy(() -> catalog.definition(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("legacy/broken")
        .hasMessageContaining("hourly-ish");
  }
}
