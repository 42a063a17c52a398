package dev.weft.store.jdbc;

import dev.weft.store.EventRecord;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link Write.AppendEvents}: appends events with optimistic concurrency from the history's
 * primary key. Event {@code N} can be inserted only once, and only after event {@code N-1} (so the
 * run's row is not written per step); each event stores the history's total size up to it.
 */
final class HistoryAppends {
  private static final int MAX_ROWS_PER_INSERT = 32;

  private final Dialect dialect;
  private final PausedRuns pausedRuns;

  HistoryAppends(Dialect dialect, PausedRuns pausedRuns) {
    this.dialect = dialect;
    this.pausedRuns = pausedRuns;
  }

  void register(Appliers appliers) {
    appliers.add(Write.AppendEvents.class, (w, batch) -> appendEvents(w, null, batch));
  }

  /**
   * Appends the events. With a {@code guard} (an {@link Write.IfNotPaused} earlier in the batch,
   * for the same run), the insert itself checks that the run is not paused, and a paused run fails
   * the guard.
   */
  void appendEvents(Write.AppendEvents w, Write.IfNotPaused guard, BatchContext batch)
      throws SQLException, ConflictException {
    Statements st = batch.statements();
    boolean checkPause = guard != null && pausedRuns.mayBePaused(st);
    long expected = w.expectedNextEventId();
    List<EventRecord> events = w.events();
    int from = 0;
    if (expected == 1) {
      if (!batch.insertedRun(w.runId())) {
        PreparedStatement run = st.prepare("SELECT 1 FROM runs WHERE run_id = ?");
        run.setString(1, w.runId());
        try (ResultSet rs = run.executeQuery()) {
          if (!rs.next()) {
            throw new ConflictException(w, "run " + w.runId() + " does not exist");
          }
        }
      }
      List<EventRecord> first = events.subList(0, Math.min(events.size(), MAX_ROWS_PER_INSERT));
      if (!insertFirstEvents(w.runId(), first, st)) {
        throw new ConflictException(w, describeCursor(w.runId(), expected, st));
      }
      from = first.size();
    }
    for (; from < events.size(); from += MAX_ROWS_PER_INSERT) {
      List<EventRecord> chunk =
          events.subList(from, Math.min(events.size(), from + MAX_ROWS_PER_INSERT));
      if (st.deferring() && dialect.bulkUpdates()) {
        st.bulk(
            APPEND_EVENTS,
            w.runId(),
            chunk.size(),
            eventRows(w.runId(), chunk, checkPause && from == 0),
            "history",
            "paused_runs");
        continue;
      }
      if (!insertEventsAfter(w.runId(), chunk, checkPause && from == 0, st)) {
        if (checkPause && FlowControlSql.runPause(w.runId(), st).isPresent()) {
          throw new ConflictException(guard, "run " + w.runId() + " is paused");
        }
        // the previous event is not there (the cursor moved), or another writer appended first
        throw new ConflictException(w, describeCursor(w.runId(), expected, st));
      }
    }
  }

  /**
   * {@link #insertEventsAfter} for the appends of a whole group: each row an event, with the ID of
   * the event it follows (whose cumulative size it adds to) and whether to check the run's pause.
   */
  private static final BulkUpdate APPEND_EVENTS =
      new BulkUpdate(
          "INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
              + " SELECT v.run_id, v.event_id, v.event_type, v.event_time, v.data,"
              // a lookup per row, not a join: a join of the arrays may be planned as a scan of
              // the whole history (the planner cannot see how many rows they hold). A missing
              // previous event makes the size null, which the column refuses: the group fails
              + " (SELECT p.total_bytes FROM history p"
              + " WHERE p.run_id = v.run_id COLLATE \"C\" AND p.event_id = v.after_id)"
              + " + v.offset_bytes"
              + " FROM unnest(?::text[], ?::int8[], ?::text[], ?::int8[], ?::bytea[], ?::int8[],"
              + " ?::int8[], ?::bool[]) AS v (run_id, event_id, event_type, event_time, data,"
              + " offset_bytes, after_id, unless_paused)"
              + " WHERE NOT (v.unless_paused"
              + " AND EXISTS (SELECT 1 FROM paused_runs x WHERE x.run_id = v.run_id COLLATE \"C\"))",
          List.of(
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.TEXT,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.BYTEA,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.INT8,
              BulkUpdate.Type.BOOL));

  /** The rows of {@link #APPEND_EVENTS} for events that follow event {@code first - 1}. */
  private static List<Object[]> eventRows(
      String runId, List<EventRecord> events, boolean unlessPaused) {
    List<Object[]> rows = new ArrayList<>(events.size());
    long after = events.get(0).eventId() - 1;
    long size = 0;
    for (EventRecord e : events) {
      size += e.data().length;
      rows.add(
          new Object[] {
            runId, e.eventId(), e.type(), Millis.of(e.time()), e.data(), size, after, unlessPaused
          });
    }
    return rows;
  }

  /**
   * Inserts a run's first events with one statement; returns whether all were inserted (not if any
   * of their IDs exists already; then some may have been, and the caller rolls back).
   */
  private static boolean insertFirstEvents(String runId, List<EventRecord> events, Statements st)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
                + " VALUES ");
    appendEventRows(sql, events.size());
    // a duplicate ID is reported by the row count, not an error: an error would abort the
    // transaction in some databases, and the conflict's description still needs to read
    sql.append(" ON CONFLICT (run_id, event_id) DO NOTHING");
    PreparedStatement insert = st.prepare(sql.toString());
    bindEventRows(insert, runId, events);
    return insert.executeUpdate() == events.size();
  }

  /** Appends {@code n} placeholder rows of an event insert, comma-separated. */
  private static void appendEventRows(StringBuilder sql, int n) {
    for (int i = 0; i < n; i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
  }

  /**
   * Binds the rows written by {@link #appendEventRows}: each event with the cumulative size of the
   * events up to it, counted from the first. Returns the next parameter index.
   */
  private static int bindEventRows(PreparedStatement insert, String runId, List<EventRecord> events)
      throws SQLException {
    int p = 1;
    long size = 0;
    for (EventRecord e : events) {
      size += e.data().length;
      insert.setString(p++, runId);
      insert.setLong(p++, e.eventId());
      insert.setString(p++, e.type());
      Millis.set(insert, p++, e.time());
      insert.setBytes(p++, e.data());
      insert.setLong(p++, size);
    }
    return p;
  }

  /**
   * Inserts events that follow the run's event {@code first - 1}, with one statement that also
   * reads that event's cumulative size (each row's {@code total_bytes} is the previous event's plus
   * the sizes up to it): so an append is one round trip. Returns whether all were inserted: none
   * are if the previous event is missing (the caller's cursor is stale), some may not be if another
   * writer appended the same IDs (the caller rolls back). With {@code unlessPaused}, nothing is
   * inserted while the run is paused.
   */
  private static boolean insertEventsAfter(
      String runId, List<EventRecord> events, boolean unlessPaused, Statements st)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "WITH v (run_id, event_id, event_type, event_time, data, offset_bytes) AS (VALUES ");
    appendEventRows(sql, events.size());
    // WHERE (not JOIN ... ON) keeps SQLite from reading ON CONFLICT as a join's condition
    sql.append(
        ") INSERT INTO history (run_id, event_id, event_type, event_time, data, total_bytes)"
            + " SELECT v.run_id, v.event_id, v.event_type, v.event_time, v.data,"
            + " p.total_bytes + v.offset_bytes FROM v, history p"
            + " WHERE p.run_id = ? AND p.event_id = ?"
            + (unlessPaused
                ? " AND NOT EXISTS (SELECT 1 FROM paused_runs x WHERE x.run_id = p.run_id)"
                : "")
            // deferred, a duplicate ID may fail the batch with an error: the group is rolled back
            // and runs again without deferring, as for a count that differs. Skipping the
            // speculative insertion saves an index probe and a WAL record per row.
            + (st.deferring() ? "" : " ON CONFLICT (run_id, event_id) DO NOTHING"));
    int inserted =
        st.update(
            sql.toString(),
            runId,
            events.size(),
            insert -> {
              int p = bindEventRows(insert, runId, events);
              insert.setString(p++, runId);
              insert.setLong(p, events.get(0).eventId() - 1);
            },
            "history",
            "paused_runs");
    return inserted == events.size();
  }

  private static String describeCursor(String runId, long expected, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT (SELECT 1 FROM runs WHERE run_id = ?),"
                + " (SELECT MAX(event_id) FROM history WHERE run_id = ?)");
    ps.setString(1, runId);
    ps.setString(2, runId);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getObject(1) == null) {
        return "run " + runId + " does not exist";
      }
      return "run "
          + runId
          + " has next event ID "
          + (rs.getLong(2) + 1)
          + ", expected "
          + expected;
    }
  }
}
