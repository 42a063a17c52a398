package dev.weft.store.postgres;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.Write;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.StaleReason;
import java.time.Instant;
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
 * The asset catalog on two nodes (two stores on one PostgreSQL schema): a node's cached graph is
 * checked against the stored version, so it propagates over the graph another node registered; and
 * catalog writes of one namespace from both nodes at once leave states that agree with the recorded
 * provenance (each write sees the other's committed rows).
 */
class PostgresSharedAssetCatalogTest {
  private static final String NS = "default";

  private PostgresStore a;
  private PostgresStore b;
  private final AtomicLong clock = new AtomicLong();

  @BeforeEach
  void open() {
    String schema = TestPostgres.newSchema("assets");
    a = PostgresStore.open(PostgresStoreOptions.of(TestPostgres.url()).schema(schema).nodeId("a"));
    b = PostgresStore.open(PostgresStoreOptions.of(TestPostgres.url()).schema(schema).nodeId("b"));
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void aNodePropagatesOverTheGraphAnotherNodeRegistered() {
    commit(a, register(node("up"), node("old", "up"), node("new")));
    commit(a, materialization("up", "d1", Map.of()));
    commit(a, materialization("old", "o1", Map.of("up", "d1")));
    commit(a, materialization("new", "n1", Map.of()));

    commit(b, register(node("up"), node("old"), node("new", "up")));
    commit(a, materialization("up", "d2", Map.of()));

    AssetCatalog catalog = a.extension(AssetCatalog.class);
    assertThat(state(catalog, "old").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state(catalog, "new").reasons())
        .containsExactly(StaleReason.upstreamNewerData("up", "none", "d2"));
  }

  @Test
  void concurrentWritesFromTwoNodesLeaveStatesThatAgreeWithTheProvenance() throws Exception {
    commit(a, register(node("up"), node("down", "up")));
    commit(a, materialization("up", "d0", Map.of()));
    commit(a, materialization("down", "e0", Map.of("up", "d0")));
    AssetCatalog catalog = a.extension(AssetCatalog.class);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 40; round++) {
        String consumed = state(catalog, "up").dataVersion();
        String version = "d" + round;
        CompletableFuture<?> upstream =
            CompletableFuture.runAsync(
                () -> commit(a, materialization("up", version, Map.of())), threads);
        String produced = "e" + round;
        CompletableFuture<?> downstream =
            CompletableFuture.runAsync(
                () -> commit(b, materialization("down", produced, Map.of("up", consumed))),
                threads);
        CompletableFuture.allOf(upstream, downstream).join();

        AssetStateRecord down = state(catalog, "down");
        boolean current =
            down.current().inputDataVersions().get("up").equals(state(catalog, "up").dataVersion());
        assertThat(down.status())
            .as("round %d: down consumed %s", round, down.current().inputDataVersions())
            .isEqualTo(current ? AssetStatus.FRESH : AssetStatus.STALE);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Instant tick() {
    return T0.plusSeconds(clock.incrementAndGet());
  }

  private static AssetNodeRecord node(String key, String... upstream) {
    return new AssetNodeRecord(key, AssetKind.COMPUTED, "v1", List.of(upstream), "main", null);
  }

  private RegisterAssetGraph register(AssetNodeRecord... nodes) {
    return new RegisterAssetGraph(NS, List.of(nodes), tick());
  }

  private RecordMaterialization materialization(
      String key, String version, Map<String, String> inputs) {
    Instant at = tick();
    return new RecordMaterialization(
        NS, new MaterializationRecord(key, "", "run-1", version, "v1", inputs, null, at, at));
  }

  private static void commit(PostgresStore store, Write write) {
    assertThat(store.commit(Batch.of(write)).join().committed()).isTrue();
  }

  private static AssetStateRecord state(AssetCatalog catalog, String key) {
    return catalog.state(NS, key, "").orElseThrow();
  }
}
