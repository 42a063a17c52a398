package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A partitioned observable source observed by its own runs ({@code materialize(source,
 * PartitionSelection)}): one data version per partition, recorded as partition observations, and
 * only the partitions whose version changed make their downstream partitions stale.
 */
class PartitionedSourceObservationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final Map<String, String> feed = new ConcurrentHashMap<>();
  private final List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

  Assets start(TestStore kind) {
    ObservableSourceAsset source =
        Asset.observableSource("feeds/quotes")
            .partitions(DAILY)
            .observe(
                ctx -> {
                  observed.add(ctx.partitionKey());
                  return DataVersion.of(feed.get(ctx.partitionKey()));
                });
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .deps("feeds/quotes")
            .output(String.class)
            .compute(ctx -> "prices of " + ctx.partitionKey());
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("psource-test"),
        assets ->
            assets
                .definitions(source, prices)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager()));
  }

  PartitionRangeState partition(String asset, long index) {
    return engines
        .last()
        .store()
        .extension(PartitionStatusReader.class)
        .status("default", asset, index)
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSourceRunRecordsAVersionPerPartitionAndOnlyChangedOnesMakeDownstreamStale(TestStore kind) {
    Assets assets = start(kind);
    feed.putAll(Map.of("2024-01-01", "a1", "2024-01-02", "a2", "2024-01-03", "a3"));
    PartitionSelection days = PartitionSelection.range("2024-01-01", "2024-01-03");

    MaterializationResult first = assets.materialize("feeds/quotes", days).await(WAIT);

    assertThat(first.succeeded()).isTrue();
    assertThat(first.outcome(AssetKey.of("feeds/quotes")).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.OBSERVED);
    assertThat(observed).containsExactlyInAnyOrder("2024-01-01", "2024-01-02", "2024-01-03");
    assertThat(partition("feeds/quotes", 1).dataVersion()).isEqualTo("a2");
    assertThat(partition("feeds/quotes", 1).status()).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(assets.materialize("market/prices", days).await(WAIT).succeeded()).isTrue();

    feed.put("2024-01-02", "b2");
    assertThat(assets.materialize("feeds/quotes", days).await(WAIT).succeeded()).isTrue();

    assertThat(partition("feeds/quotes", 1).dataVersion()).isEqualTo("b2");
    assertThat(partition("market/prices", 0).status()).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(partition("market/prices", 1).status()).isEqualTo(PartitionStatus.STALE);
    assertThat(partition("market/prices", 1).reasons().get(0).detail())
        .contains("feeds/quotes")
        .contains("observed data version changed");
    assertThat(partition("market/prices", 2).status()).isEqualTo(PartitionStatus.MATERIALIZED);
    AssetStateRecord source =
        engines
            .last()
            .store()
            .extension(AssetCatalog.class)
            .state("default", "feeds/quotes", "")
            .orElseThrow();
    assertThat(source.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(source.lastObservedDataVersion()).isNotNull();
  }
}
