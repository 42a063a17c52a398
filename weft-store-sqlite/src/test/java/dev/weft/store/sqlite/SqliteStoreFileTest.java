package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
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
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a file store has: data survives closing and reopening the file, one store at a time
 * owns a file, and a file whose schema is newer than the code is refused.
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
