package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.jdbc.assets.AssetCatalogSql;
import dev.weft.store.jdbc.assets.PartitionRangeSql;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The asset catalog on a real SQLite file at the size of the benchmark: a 1,000-asset graph
 * in 10 layers, all materialized; reports (without asserting) how long reading every state takes
 * (target under 20 ms) and how long a code version change at the root takes to propagate. Also
 * checks with {@code EXPLAIN QUERY PLAN} that every catalog read is index lookups, with no sort.
 */
@Tag("store")
class SqliteAssetCatalogTest {
  private static final String NS = "default";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int LAYERS = 10;
  private static final int WIDTH = 100;

  @TempDir Path dir;

  @Test
  void readingEveryStateOfAThousandAssetGraphIsOneCheapQuery() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("weft.db"))) {
      commit(store, new RegisterAssetGraph(NS, graph("v1"), T0));
      long materializing = System.nanoTime();
      materializeAll(store);
      System.out.printf(
          "asset catalog: %d materializations in %d batches (one per layer): %.2f ms%n",
          LAYERS * WIDTH, LAYERS, ms(System.nanoTime() - materializing));
      AssetCatalog catalog = store.extension(AssetCatalog.class);

      for (int i = 0; i < 100; i++) {
        catalog.states(NS); // warm the JIT, the statement cache and the page cache
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long[] nanos = new long[50];
      long[] cpu = new long[nanos.length];
      List<AssetStateRecord> states = List.of();
      for (int i = 0; i < nanos.length; i++) {
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        states = catalog.states(NS); // runs on this thread: its CPU time is the read's
        nanos[i] = System.nanoTime() - start;
        cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
      }
      Arrays.sort(nanos);
      Arrays.sort(cpu);

      assertThat(states).hasSize(LAYERS * WIDTH);
      assertThat(states).extracting(AssetStateRecord::status).containsOnly(AssetStatus.FRESH);
      System.out.printf(
          "asset catalog: states() of %d assets on SQLite: wall median %.2f ms, p90 %.2f ms, max"
              + " %.2f ms; CPU median %.2f ms (target < 20 ms)%n",
          states.size(),
          ms(nanos[nanos.length / 2]),
          ms(nanos[nanos.length * 9 / 10]),
          ms(nanos[nanos.length - 1]),
          ms(cpu[cpu.length / 2]));

      long[] registrations = new long[11];
      for (int i = 0; i < registrations.length; i++) { // v2, v1, v2, ...: stales, then clears
        List<AssetNodeRecord> nodes = graph(i % 2 == 0 ? "v2" : "v1");
        long start = System.nanoTime(); // wall: the writer thread applies it
        commit(store, new RegisterAssetGraph(NS, nodes, T0.plusSeconds(100 + i)));
        registrations[i] = System.nanoTime() - start;
      }
      Arrays.sort(registrations);
      long propagation = registrations[registrations.length / 2];
      List<AssetStateRecord> stale = catalog.stale(NS);
      System.out.printf(
          "asset catalog: a code change at the root stales (or clears) %d assets: median %.2f ms"
              + " wall per registration commit%n",
          stale.size(), ms(propagation));
      assertThat(stale).isNotEmpty();
      assertThat(stale.get(0).assetKey()).isEqualTo(key(0, 0));
      assertThat(stale)
          .allSatisfy(
              s -> assertThat(s.reasons()).allMatch(r -> r.rootCauseKey().equals(key(0, 0))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "GRAPH",
        "STATES",
        "STALE",
        "STATE",
        "HISTORY",
        "LATEST_CHECKS",
        "LATEST_CHECKS_OF_NAMESPACE"
      })
  void catalogReadsAreIndexLookupsWithoutASort(String read) throws Exception {
    Path file = dir.resolve("plans.db");
    SqliteStore.open(file).close();
    String sql = (String) AssetCatalogSql.class.getField(read).get(null);

    List<String> plan = plan(file, sql);

    assertThat(plan).as(sql).noneMatch(step -> step.startsWith("SCAN"));
    assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "OVERLAPPING",
        "SPANS",
        "COUNTS_IN_WINDOW",
        "IN_STATUS",
        "AT",
        "COUNTS",
        "DYNAMIC_PAGE"
      })
  void partitionStatusReadsAreIndexRangesWithoutASort(String read) throws Exception {
    Path file = dir.resolve("plans.db");
    SqliteStore.open(file).close();
    String sql = (String) PartitionRangeSql.class.getField(read).get(null);

    List<String> plan = plan(file, sql);

    assertThat(plan).as(sql).noneMatch(step -> step.startsWith("SCAN"));
    assertThat(plan).as(sql).noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  private static List<String> plan(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      List<String> steps = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString("detail"));
        }
      }
      return steps;
    }
  }

  private static void materializeAll(Store store) throws Exception {
    Map<String, String> versions = new HashMap<>();
    for (int layer = 0; layer < LAYERS; layer++) {
      List<Write> writes = new ArrayList<>();
      for (int i = 0; i < WIDTH; i++) {
        Map<String, String> inputs = new HashMap<>();
        for (String up : node(layer, i, "v1").upstream()) {
          inputs.put(up, versions.get(up));
        }
        String key = key(layer, i);
        String version = "d-" + key;
        versions.put(key, version);
        Instant at = T0.plusSeconds(1 + layer);
        writes.add(
            new RecordMaterialization(
                NS,
                new MaterializationRecord(
                    key, "", "run-1", version, "v1", inputs, "{\"rows\":1}", at, at)));
      }
      store.commit(new Batch(writes)).get(60, TimeUnit.SECONDS);
    }
  }

  private static void commit(Store store, Write write) throws Exception {
    assertThat(store.commit(Batch.of(write)).get(60, TimeUnit.SECONDS).committed()).isTrue();
  }

  private static List<AssetNodeRecord> graph(String rootCodeVersion) {
    List<AssetNodeRecord> nodes = new ArrayList<>();
    for (int layer = 0; layer < LAYERS; layer++) {
      for (int i = 0; i < WIDTH; i++) {
        nodes.add(node(layer, i, layer == 0 && i == 0 ? rootCodeVersion : "v1"));
      }
    }
    return nodes;
  }

  /** Asset i of a layer reads assets i and i+1 of the layer above. */
  private static AssetNodeRecord node(int layer, int i, String codeVersion) {
    List<String> upstream =
        layer == 0 ? List.of() : List.of(key(layer - 1, i), key(layer - 1, (i + 1) % WIDTH));
    return new AssetNodeRecord(
        key(layer, i), AssetKind.COMPUTED, codeVersion, upstream, "layer" + layer, null);
  }

  private static String key(int layer, int i) {
    return String.format("bench/l%02d/a%03d", layer, i);
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
