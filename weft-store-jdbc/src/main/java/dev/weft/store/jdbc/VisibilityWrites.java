package dev.weft.store.jdbc;

import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies the visibility writes: search attributes (one row per run and name, the value in the
 * column of its type, see {@link FilterSql#valueColumn}) and the memo (a column of the run).
 */
final class VisibilityWrites {
  private VisibilityWrites() {}

  static void register(Appliers appliers) {
    appliers.add(
        Write.UpsertSearchAttributes.class,
        (w, batch) -> upsertSearchAttributes(w, batch.statements()));
    appliers.add(Write.SetMemo.class, (w, batch) -> setMemo(w, batch.statements()));
  }

  static void upsertSearchAttributes(Write.UpsertSearchAttributes w, Statements st)
      throws SQLException, ConflictException {
    requireRun(w, st);
    for (Map.Entry<String, SearchAttributeValue> e : w.values().entrySet()) {
      PreparedStatement ps =
          st.prepare(
              "INSERT INTO search_attributes (run_id, name, type, text_value, int_value,"
                  + " double_value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, name)"
                  + " DO UPDATE SET type = excluded.type, text_value = excluded.text_value,"
                  + " int_value = excluded.int_value, double_value = excluded.double_value");
      SearchAttributeValue value = e.getValue();
      ps.setString(1, w.runId());
      ps.setString(2, e.getKey());
      ps.setString(3, value.type().name());
      ps.setNull(4, Types.VARCHAR);
      ps.setNull(5, Types.BIGINT);
      ps.setNull(6, Types.DOUBLE);
      switch (value.value()) {
        case String text -> ps.setString(4, text);
        case List<?> list -> ps.setString(4, KeywordListText.encode(keywords(list)));
        case Long number -> ps.setLong(5, number);
        case Boolean flag -> ps.setLong(5, flag ? 1 : 0);
        case Instant time -> ps.setLong(5, time.toEpochMilli());
        case Double number -> ps.setDouble(6, number);
        default -> throw new IllegalStateException("unexpected value " + value);
      }
      ps.executeUpdate();
      deleteKeywords(w.runId(), e.getKey(), st);
      if (value.value() instanceof List<?> list) {
        insertKeywords(w.runId(), e.getKey(), keywords(list), st);
      }
    }
    for (String name : w.removed()) {
      PreparedStatement ps =
          st.prepare("DELETE FROM search_attributes WHERE run_id = ? AND name = ?");
      ps.setString(1, w.runId());
      ps.setString(2, name);
      ps.executeUpdate();
      deleteKeywords(w.runId(), name, st);
    }
  }

  /** A KEYWORD_LIST's distinct keywords, one row each, for "contains" filters (FilterSql). */
  private static void insertKeywords(String runId, String name, List<String> list, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "INSERT INTO search_attribute_keywords (run_id, name, keyword) VALUES (?, ?, ?)");
    for (String keyword : new LinkedHashSet<>(list)) {
      ps.setString(1, runId);
      ps.setString(2, name);
      ps.setString(3, keyword);
      ps.executeUpdate();
    }
  }

  private static void deleteKeywords(String runId, String name, Statements st) throws SQLException {
    PreparedStatement ps =
        st.prepare("DELETE FROM search_attribute_keywords WHERE run_id = ? AND name = ?");
    ps.setString(1, runId);
    ps.setString(2, name);
    ps.executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private static List<String> keywords(List<?> list) {
    return (List<String>) list; // SearchAttributeValue checked every element
  }

  static void setMemo(Write.SetMemo w, Statements st) throws SQLException, ConflictException {
    PreparedStatement ps = st.prepare("UPDATE runs SET memo = ? WHERE run_id = ?");
    ps.setBytes(1, w.memo());
    ps.setString(2, w.runId());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "run " + w.runId() + " does not exist");
    }
  }

  private static void requireRun(Write w, Statements st) throws SQLException, ConflictException {
    PreparedStatement ps = st.prepare("SELECT 1 FROM runs WHERE run_id = ?");
    ps.setString(1, w.runId());
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new ConflictException(w, "run " + w.runId() + " does not exist");
      }
    }
  }
}
