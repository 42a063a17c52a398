package dev.weft.testsupport;

import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.jdbc.SqlSession;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine tests' probe store extension ({@code test-ledger}): one table, one write ({@link
 * LedgerEntry}) and its reads ({@link Ledger}). Its applier records what it sees of its run's
 * activity task and inbox inside the transaction, so a test can tell that the write committed in
 * the completion's transaction and by which path. Installed only where a test names it ({@link
 * TestStore#open(java.nio.file.Path, List)}).
 */
public final class LedgerExtension implements JdbcExtension {

  @Override
  public String name() {
    return "test-ledger";
  }

  @Override
  public String migrationsFolder(String dialect) {
    return "dev/weft/testsupport/ledger/" + dialect + "/";
  }

  @Override
  public void install(Registry registry) {
    JdbcReads reads = registry.readPool();
    registry
        .write(LedgerEntry.class, LedgerExtension::apply)
        .reads(Ledger.class, new StoreLedger(reads));
  }

  private static void apply(LedgerEntry w, WriteContext tx) throws SQLException, ConflictException {
    if (w.conflictIfPresent() && count(tx, "test_ledger", "entry = ?", w.entry(), null) > 0) {
      throw new ConflictException(w, "ledger entry " + w.entry() + " exists");
    }
    int taskRows = count(tx, "activity_tasks", "run_id = ? AND seq = ?", w.runId(), w.seq());
    int inboxRows = count(tx, "inbox", "run_id = ?", w.runId(), null);
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO test_ledger (entry, run_id, val, task_rows, inbox_rows)"
                + " VALUES (?, ?, ?, ?, ?)");
    ps.setString(1, w.entry());
    ps.setString(2, w.runId());
    ps.setString(3, w.value());
    ps.setInt(4, taskRows);
    ps.setInt(5, inboxRows);
    ps.executeUpdate();
  }

  private static int count(SqlSession tx, String table, String where, String key, Long seq)
      throws SQLException {
    PreparedStatement ps = tx.prepare("SELECT COUNT(*) FROM " + table + " WHERE " + where);
    ps.setString(1, key);
    if (seq != null) {
      ps.setLong(2, seq);
    }
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private record StoreLedger(JdbcReads reads) implements Ledger {
    private static final String SELECT =
        "SELECT entry, run_id, val, task_rows, inbox_rows FROM test_ledger";

    @Override
    public Optional<Row> find(String entry) {
      return reads.read(
          "ledger entry " + entry,
          session -> {
            PreparedStatement ps = session.prepare(SELECT + " WHERE entry = ?");
            ps.setString(1, entry);
            List<Row> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
          });
    }

    @Override
    public List<Row> all() {
      return reads.read("the ledger", session -> rows(session.prepare(SELECT + " ORDER BY entry")));
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
        }
      }
      return rows;
    }
  }
}
