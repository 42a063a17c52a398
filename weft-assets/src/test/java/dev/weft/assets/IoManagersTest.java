package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IoManagersTest {
  private static final AtomicInteger tables = new AtomicInteger();

  record Trade(String symbol, long qty) {}

  /** A holder of the generic type {@code List<Trade>}, as an annotated parameter would give. */
  @SuppressWarnings("unused")
  private static List<Trade> tradeList;

  static final AssetKey TRADES = AssetKey.of("market/trades");

  @TempDir Path dir;

  static OutputContext out(AssetKey key, String partition) {
    return new OutputContext(key, partition, AssetSpec.builder(key).build());
  }

  static InputContext in(AssetKey key, Class<?> type) throws Exception {
    return new InputContext(key, "", type, type, AssetKey.of("reader"));
  }

  static InputContext inTradeList() throws Exception {
    return new InputContext(
        TRADES,
        "",
        List.class,
        IoManagersTest.class.getDeclaredField("tradeList").getGenericType(),
        AssetKey.of("reader"));
  }

  @Test
  void inMemoryHandsOnTheSameObjectAndVersionsByContent() {
    InMemoryIoManager memory = new InMemoryIoManager();
    List<Trade> trades = List.of(new Trade("ETH", 2));
    StoredOutput a = memory.store(out(TRADES, ""), trades);
    assertThat(memory.load(InputContext.of(TRADES, List.class))).isSameAs(trades);
    assertThat(memory.store(out(TRADES, ""), List.of(new Trade("ETH", 2))).dataVersion())
        .isEqualTo(a.dataVersion());
    assertThat(memory.store(out(TRADES, ""), List.of(new Trade("ETH", 3))).dataVersion())
        .isNotEqualTo(a.dataVersion());
    assertThatThrownBy(() -> memory.load(InputContext.of(AssetKey.of("nope"), Object.class)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no value of asset nope");
    memory.put(AssetKey.of("given"), 7);
    assertThat(memory.get(AssetKey.of("given"))).contains(7);
  }

  @Test
  void filesKeepJsonUnderTheKeyPathAndReadBackGenericTypes() throws Exception {
    FileIoManager files = FileIoManager.json(dir);
    List<Trade> trades = List.of(new Trade("ETH", 2), new Trade("BTC", 1));
    StoredOutput stored = files.store(out(TRADES, ""), trades);

    Path file = dir.resolve("market/trades.json");
    assertThat(file).exists();
    assertThat(files.fileOf(TRADES, "")).isEqualTo(file);
    assertThat(stored.dataVersion()).isEqualTo(DataVersion.ofBytes(Files.readAllBytes(file)));
    assertThat(stored.metadata()).containsEntry("path", file.toString());
    assertThat(files.load(inTradeList())).isEqualTo(trades);
    assertThat((Trade[]) files.load(in(TRADES, Trade[].class)))
        .containsExactly(trades.toArray(Trade[]::new));

    files.store(out(TRADES, "2026-12-06"), List.of());
    assertThat(dir.resolve("market/trades.partitions/2026-12-06.json")).exists();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
    assertThatThrownBy(() -> files.load(in(AssetKey.of("market/nope"), Object.class)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no stored value of asset market/nope");
  }

  @Test
  void rawBytesFilesStoreByteArraysOnly() throws Exception {
    FileIoManager files = FileIoManager.bytes(dir);
    byte[] bytes = "raw".getBytes(StandardCharsets.UTF_8);
    assertThat(files.store(out(AssetKey.of("blob"), ""), bytes).dataVersion())
        .isEqualTo(DataVersion.ofBytes(bytes));
    assertThat(dir.resolve("blob.bin")).hasBinaryContent(bytes);
    assertThat((byte[]) files.load(in(AssetKey.of("blob"), byte[].class))).isEqualTo(bytes);
    assertThatThrownBy(() -> files.store(out(AssetKey.of("blob"), ""), "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "asset blob: a raw-bytes FileIoManager stores byte[], got java.lang.String");
  }

  String newTable() {
    return "rows_" + ProcessHandle.current().pid() + "_" + tables.incrementAndGet();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void jdbcKeepsOneRowPerElementAndReplacesTheRowSet(TestDatabase db) throws Exception {
    DataSource ds = db.dataSource(dir);
    String table = newTable();
    JdbcIoManager jdbc = new JdbcIoManager(ds, table);
    List<Trade> three = List.of(new Trade("A", 1), new Trade("B", 2), new Trade("C", 3));
    StoredOutput stored = jdbc.store(out(TRADES, ""), three);
    assertThat(stored.metadata()).containsEntry("rows", 3);
    assertThat(count(ds, table)).isEqualTo(3);
    assertThat(jdbc.load(inTradeList())).isEqualTo(three);
    assertThat((Trade[]) jdbc.load(in(TRADES, Trade[].class))).hasSize(3);

    StoredOutput again =
        jdbc.store(
            out(TRADES, ""), List.of(new Trade("A", 1), new Trade("B", 2), new Trade("C", 3)));
    assertThat(again.dataVersion()).isEqualTo(stored.dataVersion());

    jdbc.store(out(TRADES, ""), new Trade[] {new Trade("Z", 9)});
    assertThat(count(ds, table)).isEqualTo(1);
    assertThat(jdbc.load(inTradeList())).isEqualTo(List.of(new Trade("Z", 9)));

    jdbc.store(out(TRADES, ""), List.of());
    assertThat(jdbc.load(inTradeList())).isEqualTo(List.of());
    assertThatThrownBy(() -> jdbc.load(in(AssetKey.of("market/nope"), Trade[].class)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no stored value of asset market/nope in table " + table);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void jdbcKeepsASingleValueAsOneRow(TestDatabase db) throws Exception {
    JdbcIoManager jdbc = new JdbcIoManager(db.dataSource(dir), newTable());
    AssetKey total = AssetKey.of("market/total");
    jdbc.store(out(total, ""), Map.of("sum", 6));
    assertThat(jdbc.load(in(total, Map.class))).isEqualTo(Map.of("sum", 6));
    jdbc.store(out(TRADES, ""), List.of(new Trade("A", 1)));
    assertThatThrownBy(() -> jdbc.load(in(TRADES, Trade.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asset market/trades is a row set");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailedJdbcStoreLeavesTheOldRows(TestDatabase db) throws Exception {
    DataSource ds = db.dataSource(dir);
    String table = newTable();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + table
              + " (asset_key TEXT NOT NULL, partition_key TEXT NOT NULL, row_no INTEGER NOT NULL,"
              + " row_json TEXT NOT NULL CHECK (length(row_json) < 40),"
              + " PRIMARY KEY (asset_key, partition_key, row_no))");
    }
    JdbcIoManager jdbc = new JdbcIoManager(ds, table);
    jdbc.store(out(TRADES, ""), List.of(new Trade("A", 1), new Trade("B", 2)));
    assertThatThrownBy(
            () ->
                jdbc.store(
                    out(TRADES, ""),
                    List.of(new Trade("C", 3), new Trade("a symbol far too long to fit", 4))))
        .isInstanceOf(java.sql.SQLException.class);
    assertThat(jdbc.load(inTradeList())).isEqualTo(List.of(new Trade("A", 1), new Trade("B", 2)));
  }

  @Test
  void aBadTableNameIsRefused() {
    assertThatThrownBy(() -> new JdbcIoManager(TestDatabase.SQLITE.dataSource(dir), "x; drop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table 'x; drop'");
  }

  private static int count(DataSource ds, String table) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery("SELECT count(*) FROM " + table + " WHERE row_no >= 0")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
