package dev.weft.store.jdbc;

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

  /** The element type of a column: its SQL name and the Java array its values go in. */
  enum Type {
    TEXT("text"),
    INT4("int4"),
    INT8("int8"),
    FLOAT8("float8"),
    BYTEA("bytea"),
    BOOL("bool");

    private final String sqlName;

    Type(String sqlName) {
      this.sqlName = sqlName;
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
