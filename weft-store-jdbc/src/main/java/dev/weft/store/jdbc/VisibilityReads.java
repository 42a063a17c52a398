package dev.weft.store.jdbc;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.SearchAttributeValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a run's search attributes and memo. */
final class VisibilityReads {
  private VisibilityReads() {}

  static Map<String, SearchAttributeValue> searchAttributes(String runId, Statements st)
      throws SQLException {
    PreparedStatement ps =
        st.prepare(
            "SELECT name, type, text_value, int_value, double_value FROM search_attributes"
                + " WHERE run_id = ? ORDER BY name");
    ps.setString(1, runId);
    Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        SearchAttributeType type = SearchAttributeType.valueOf(rs.getString(2));
        Object value =
            switch (type) {
              case KEYWORD, TEXT -> rs.getString(3);
              case INT -> rs.getLong(4);
              case BOOL -> rs.getLong(4) != 0;
              case DATETIME -> Instant.ofEpochMilli(rs.getLong(4));
              case DOUBLE -> rs.getDouble(5);
              case KEYWORD_LIST -> KeywordListText.decode(rs.getString(3));
            };
        values.put(rs.getString(1), new SearchAttributeValue(type, value));
      }
    }
    return Collections.unmodifiableMap(values);
  }

  static Optional<byte[]> memo(String runId, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT memo FROM runs WHERE run_id = ?");
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
    }
  }
}
