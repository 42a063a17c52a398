package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.StoreException;
import dev.weft.store.StoreStats;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import dev.weft.store.jdbc.SchemaMigrator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a file store has: data survives closing and reopening the file, one store at a time
 * owns a file, a file whose schema is newer than the code is refused, and an older one is migrated
 * with its data.
 */
@Tag("store")
class SqliteStoreFileTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void committedDataSurvivesCloseAndReopen() {
    Path file = dir.resolve("weft.db");
    RunRecord run = RunRecord.started("default", "order-1", "r1", "Order", "main", T0);
    EventRecord event =
        new EventRecord(1, "WorkflowStarted", T0, "input".getBytes(StandardCharsets.UTF_8));
    try (SqliteStore store = SqliteStore.open(file)) {
      CommitResult result =
          store
              .commit(
                  Batch.of(
                      new Write.InsertRun(run, Set.of()),
                      new Write.AppendEvents("r1", 1, List.of(event)),
                      new Write.EnsureWorkflowTask("r1", "main", T0),
                      new Write.InsertTimer(new TimerRecord("r1", 2, T0.plusSeconds(60)))))
              .join();
      assertThat(result.committed()).isTrue();
    }

    try (SqliteStore reopened = SqliteStore.open(file)) {
      assertThat(reopened.findRun("r1")).contains(withNextEventId(run, 2, 5));
      assertThat(reopened.readHistory("r1", 1))
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactly(event);
      assertThat(reopened.findTimers("r1"))
          .containsExactly(new TimerRecord("r1", 2, T0.plusSeconds(60)));
      assertThat(reopened.stats()).isEqualTo(new StoreStats(1, 1, 0, 1, 0, 1));
    }
  }

  @Test
  void secondOpenOfAnOpenFileFailsNamingTheFile() {
    Path file = dir.resolve("weft.db");
    try (SqliteStore first = SqliteStore.open(file)) {
      assertThatThrownBy(() -> SqliteStore.open(file))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toAbsolutePath().toString());
      assertThat(first.stats().runs()).isZero();
    }

    try (SqliteStore again = SqliteStore.open(file)) {
      assertThat(again.stats().runs()).isZero();
    }
  }

  @Test
  void schemaNewerThanTheCodeIsRefusedNamingBothVersions() throws SQLException {
    Path file = dir.resolve("weft.db");
    SqliteStore.open(file).close();
    int known = new SchemaMigrator("sqlite", SqliteStore.class.getClassLoader()).latestVersion();
    int newer = known + 1;
    execute(file, "INSERT INTO weft_schema (version, applied_at) VALUES (" + newer + ", 0)");

    assertThatThrownBy(() -> SqliteStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("version " + newer)
        .hasMessageContaining("up to " + known);
  }

  @Test
  void refusedOpenReleasesTheFile() throws SQLException {
    Path file = dir.resolve("weft.db");
    SqliteStore.open(file).close();
    int newer =
        new SchemaMigrator("sqlite", SqliteStore.class.getClassLoader()).latestVersion() + 1;
    execute(file, "INSERT INTO weft_schema (version, applied_at) VALUES (" + newer + ", 0)");
    assertThatThrownBy(() -> SqliteStore.open(file)).isInstanceOf(StoreException.class);

    execute(file, "DELETE FROM weft_schema WHERE version = " + newer);

    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.stats().runs()).isZero();
    }
  }

  @Test
  void aStoreFromBeforeVisibilityKeepsItsRunsAndGainsSearchAttributes() throws Exception {
    Path file = dir.resolve("weft.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE weft_schema (version INTEGER NOT NULL PRIMARY KEY,"
              + " applied_at BIGINT NOT NULL)");
      for (int version = 1; version <= 2; version++) {
        String script = script("db/sqlite/V00" + version + ".sql");
        for (String sql : script.split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
        s.execute("INSERT INTO weft_schema (version, applied_at) VALUES (" + version + ", 0)");
      }
      s.execute(
          "INSERT INTO runs (run_id, namespace, workflow_id, workflow_type, task_queue, status,"
              + " start_time) VALUES ('r1', 'default', 'order-1', 'Order', 'main', 'RUNNING', "
              + T0.toEpochMilli()
              + ")");
    }

    try (SqliteStore store = SqliteStore.open(file)) {
      RunQuery byType =
          new RunQuery("default", 10)
              .withFilter(RunFilterParser.parse("WorkflowType = 'Order'", Map.of()));
      assertThat(store.listRuns(byType).runs()).extracting(RunRecord::runId).containsExactly("r1");
      assertThat(store.findMemo("r1")).isEmpty();

      CommitResult upsert =
          store
              .commit(
                  Batch.of(
                      new Write.UpsertSearchAttributes(
                          "r1", Map.of("CustomerId", SearchAttributeValue.ofKeyword("c1")))))
              .join();

      assertThat(upsert.committed()).isTrue();
      assertThat(store.findSearchAttributes("r1")).containsOnlyKeys("CustomerId");
    }
  }

  private static String script(String resource) throws Exception {
    try (var in = SqliteStore.class.getClassLoader().getResourceAsStream(resource)) {
      StringBuilder sql = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.strip().startsWith("--")) {
          sql.append(line).append('\n');
        }
      }
      return sql.toString();
    }
  }

  private static void execute(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static RunRecord withNextEventId(RunRecord r, long nextEventId, long historyBytes) {
    return new RunRecord(
        r.namespace(),
        r.workflowId(),
        r.runId(),
        r.workflowType(),
        r.taskQueue(),
        r.status(),
        r.startTime(),
        r.closeTime(),
        nextEventId,
        historyBytes);
  }
}
