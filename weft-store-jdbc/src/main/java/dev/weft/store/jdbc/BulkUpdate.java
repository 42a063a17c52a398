package dev.weft.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * An update that the writer runs for many rows at once, as one statement whose parameters are one
 * array per column (in PostgreSQL, {@code unnest(?::text[], ?::int8[], ...)}). See {@link
 * Statements#bulk}; only where {@link Dialect#bulkUpdates()}.
 *
 * @param sql the statement, its {@code i}-th parameter the array of column {@code i}'s values
 * @param types the columns' element types, in parameter order
 */
record BulkUpdate(String sql, List<Type> types) {

  BulkUpdate {
    if (sql.chars().filter(c -> c == '?').count() != types.size()) {
      throw new IllegalArgumentException("one parameter per column expected: " + sql);
    }
    types = List.copyOf(types);
  }

  /**
   * Binds one row as the parameters of a single-row statement whose {@code ?} follow the same
   * columns: the row as a store runs it where it does not bulk.
   */
  void bindRow(PreparedStatement ps, Object[] row) throws SQLException {
    for (int c = 0; c < types.size(); c++) {
      if (row[c] == null) {
        ps.setNull(c + 1, types.get(c).jdbcType);
      } else {
        ps.setObject(c + 1, row[c], types.get(c).jdbcType);
      }
    }
  }

  /** The element type of a column: its SQL name and the Java array its values go in. */
  enum Type {
    TEXT("text", Types.VARCHAR),
    INT4("int4", Types.INTEGER),
    INT8("int8", Types.BIGINT),
    FLOAT8("float8", Types.DOUBLE),
    BYTEA("bytea", Types.BINARY),
    BOOL("bool", Types.BOOLEAN);

    private final String sqlName;
    private final int jdbcType;

    Type(String sqlName, int jdbcType) {
      this.sqlName = sqlName;
      this.jdbcType = jdbcType;
    }

    String sqlName() {
      return sqlName;
    }

    /** An array of {@code n} values of this type, as the driver takes it. */
    Object[] newArray(int n) {
      return switch (this) {
        case TEXT -> new String[n];
        case INT4 -> new Integer[n];
        case INT8 -> new Long[n];
        case FLOAT8 -> new Double[n];
        case BYTEA -> new byte[n][];
        case BOOL -> new Boolean[n];
      };
    }
  }
}
