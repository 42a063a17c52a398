package dev.weft.assets;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.internal.Json;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Keeps each asset as a set of rows of one table in a database (SQLite or PostgreSQL): a value that
 * is a collection or an array is stored one row per element, any other value as one row; each row
 * holds the element's JSON. A store replaces the asset's rows in one transaction (delete, insert),
 * so readers see the old row set or the new one. The table is created on first use:
 *
 * <pre>{@code
 * weft_asset_rows(asset_key, partition_key, row_no, row_json), primary key (asset_key, partition_key, row_no)
 * }</pre>
 *
 * <p>Elements have {@code row_no} 0, 1, ...; a single value has {@code row_no = -1}; a row set also
 * has a header row {@code row_no = -2} so that an empty one is told apart from none.
 *
 * <p>Reading a row set needs its element type: read it as an array ({@code Trade[]}), or as a
 * {@code List<Trade>} from an annotated method's parameter (its generic type is known). The data
 * version is the hash of the rows' JSON; the {@code rows} metadata counts them. Thread-safe as far
 * as the data source is.
 *
 * <pre>{@code
 * IoManager warehouse = new JdbcIoManager(dataSource);
 * }</pre>
 */
public final class JdbcIoManager implements IoManager {
  /** The table used when none is named. */
  public static final String DEFAULT_TABLE = "weft_asset_rows";

  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int SINGLE_VALUE = -1;
  private static final int ROW_SET_HEADER = -2;

  private final DataSource dataSource;
  private final String table;
  private final ObjectMapper json = Json.mapper();

  /** Uses the table {@value #DEFAULT_TABLE}. */
  public JdbcIoManager(DataSource dataSource) {
    this(dataSource, DEFAULT_TABLE);
  }

  /**
   * Uses the named table, creating it if it does not exist.
   *
   * @throws IllegalArgumentException when the table name is not {@code [A-Za-z_][A-Za-z0-9_]*}
   * @throws IllegalStateException naming the table when it cannot be created
   */
  public JdbcIoManager(DataSource dataSource, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "JdbcIoManager table '" + table + "' must match [A-Za-z_][A-Za-z0-9_]*");
    }
    this.table = table;
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (asset_key TEXT NOT NULL, partition_key TEXT NOT NULL, row_no INTEGER NOT NULL,"
              + " row_json TEXT NOT NULL, PRIMARY KEY (asset_key, partition_key, row_no))");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the asset table " + table, e);
    }
  }

  @Override
  public StoredOutput store(OutputContext output, Object value) throws Exception {
    List<String> rows = new ArrayList<>();
    boolean many = value instanceof Collection<?> || (value != null && value.getClass().isArray());
    if (value instanceof Collection<?> c) {
      for (Object element : c) {
        rows.add(json.writeValueAsString(element));
      }
    } else if (many) {
      for (int i = 0; i < Array.getLength(value); i++) {
        rows.add(json.writeValueAsString(Array.get(value, i)));
      }
    } else {
      rows.add(json.writeValueAsString(value));
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement del =
            c.prepareStatement(
                "DELETE FROM " + table + " WHERE asset_key = ? AND partition_key = ?")) {
          del.setString(1, output.key().path());
          del.setString(2, output.partition());
          del.executeUpdate();
        }
        try (PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (asset_key, partition_key, row_no, row_json) VALUES (?, ?, ?, ?)")) {
          if (many) {
            ins.setString(1, output.key().path());
            ins.setString(2, output.partition());
            ins.setInt(3, ROW_SET_HEADER);
            ins.setString(4, "[]");
            ins.addBatch();
          }
          for (int i = 0; i < rows.size(); i++) {
            ins.setString(1, output.key().path());
            ins.setString(2, output.partition());
            ins.setInt(3, many ? i : SINGLE_VALUE);
            ins.setString(4, rows.get(i));
            ins.addBatch();
          }
          ins.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
    String joined = (many ? "rows\n" : "value\n") + String.join("\n", rows);
    return new StoredOutput(
        DataVersion.ofText(joined), Map.of("rows", many ? rows.size() : 1, "table", table));
  }

  @Override
  public Object load(InputContext input) throws Exception {
    List<String> rows = new ArrayList<>();
    boolean single = false;
    boolean stored = false;
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT row_no, row_json FROM "
                    + table
                    + " WHERE asset_key = ? AND partition_key = ? ORDER BY row_no")) {
      q.setString(1, input.key().path());
      q.setString(2, input.partition());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          int rowNo = rs.getInt(1);
          stored = true;
          single |= rowNo == SINGLE_VALUE;
          if (rowNo != ROW_SET_HEADER) {
            rows.add(rs.getString(2));
          }
        }
      }
    }
    if (!stored) {
      throw new NoSuchElementException(
          "no stored value of asset " + input.key() + " in table " + table);
    }
    JavaType type = json.getTypeFactory().constructType(input.genericType());
    if (single) {
      return json.readValue(rows.get(0), type);
    }
    if (!isRowSet(type)) {
      throw new IllegalArgumentException(
          "asset "
              + input.key()
              + " is a row set in table "
              + table
              + "; read it as an array or a collection, not "
              + type);
    }
    return json.readValue("[" + String.join(",", rows) + "]", type);
  }

  private static boolean isRowSet(JavaType type) {
    return type.isArrayType() || type.isCollectionLikeType() || type.getRawClass() == Object.class;
  }
}
