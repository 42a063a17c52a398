package dev.weft.store.postgres;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.Write;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partition ranges of one asset rewritten from two nodes at once (two stores on one PostgreSQL
 * schema): the namespace lock serializes the rewrites, so the stored ranges never overlap and the
 * per-status counts agree with them, whichever write wins each race.
 */
class PostgresSharedPartitionStatusTest {
  private static final String NS = "default";
  private static final IndexRange ALL = new IndexRange(0, Long.MAX_VALUE);

  private PostgresStore a;
  private PostgresStore b;
  private final AtomicLong clock = new AtomicLong();

  @BeforeEach
  void open() {
    String schema = TestPostgres.newSchema("partitions");
    a = PostgresStore.open(PostgresStoreOptions.of(TestPostgres.url()).schema(schema).nodeId("a"));
    b = PostgresStore.open(PostgresStoreOptions.of(TestPostgres.url()).schema(schema).nodeId("b"));
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void overlappingRewritesFromTwoNodesLeaveDisjointRangesAndCountsThatAgree() {
    commit(
        a,
        new RegisterAssetGraph(
            NS,
            List.of(
                new AssetNodeRecord("blocks", AssetKind.COMPUTED, "v1", List.of(), "main", null)),
            tick()));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        long start = round * 10L;
        String version = "r" + round;
        CompletableFuture<?> materialized =
            CompletableFuture.runAsync(
                () -> commit(a, materialized(start, start + 20, version)), threads);
        CompletableFuture<?> claimed =
            CompletableFuture.runAsync(
                () ->
                    commit(
                        b,
                        new MarkPartitionsInProgress(
                            NS, "blocks", range(start + 5, start + 15), "run-" + version, tick())),
                threads);
        CompletableFuture.allOf(materialized, claimed).join();
      }
    } finally {
      threads.shutdownNow();
    }

    PartitionStatusReader reader = b.extension(PartitionStatusReader.class);
    List<PartitionRangeState> stored = stored(reader);
    for (int i = 1; i < stored.size(); i++) {
      assertThat(stored.get(i).range().start())
          .as("range %s after %s", stored.get(i).range(), stored.get(i - 1).range())
          .isGreaterThanOrEqualTo(stored.get(i - 1).range().end());
    }
    long covered = stored.stream().mapToLong(r -> r.range().size()).sum();
    assertThat(covered).isEqualTo(39 * 10L + 20);
    PartitionCounts counts = reader.counts(NS, "blocks");
    assertThat(counts.kept()).isEqualTo(covered);
    assertThat(reader.counts(NS, "blocks", ALL)).isEqualTo(counts);
    assertThat(reader.status(NS, "blocks", 409).orElseThrow().dataVersion()).isEqualTo("r39");
  }

  private static List<PartitionRangeState> stored(PartitionStatusReader reader) {
    List<PartitionRangeState> all = new ArrayList<>();
    for (PartitionStatus status : PartitionStatus.values()) {
      String token = null;
      do {
        PartitionRangePage page = reader.ranges(NS, "blocks", status, ALL, token, 50);
        all.addAll(page.ranges());
        token = page.nextPageToken();
      } while (token != null);
    }
    all.sort(Comparator.comparing(PartitionRangeState::range));
    return all;
  }

  private RecordPartitionsMaterialized materialized(long start, long end, String version) {
    Instant at = tick();
    return new RecordPartitionsMaterialized(
        NS,
        "blocks",
        range(start, end),
        start + ".." + (end - 1),
        new PartitionMaterialization("run-" + version, version, "v1", Map.of(), null, at, at),
        List.of());
  }

  private static IndexRangeSet range(long start, long end) {
    return IndexRangeSet.of(new IndexRange(start, end));
  }

  private Instant tick() {
    return T0.plusSeconds(clock.incrementAndGet());
  }

  private static void commit(PostgresStore store, Write write) {
    assertThat(store.commit(Batch.of(write)).join().committed()).isTrue();
  }
}
