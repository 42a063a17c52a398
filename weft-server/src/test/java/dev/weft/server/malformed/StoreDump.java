package dev.weft.server.malformed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a SQLite store file, read through JDBC (a second connection beside
 * the engine's), as sorted text per table: two dumps are equal exactly when no row changed (the
 * engine nodes' heartbeat times left out).
 */
public final class StoreDump {
  private StoreDump() {}

  /** Table name to its rows, each row its columns as text, sorted. */
  public static Map<String, List<String>> of(Path sqliteFile) {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(select(table))) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              Object v = r.getObject(i);
              row.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v))
                  .append('|');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        tables.put(table, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot dump the store " + sqliteFile, e);
    }
    return tables;
  }

  /** Every column, but a node's heartbeat time, which its heartbeat loop moves on its own. */
  private static String select(String table) {
    return table.equals("engine_nodes")
        ? "SELECT node_id, host, process_id, started_at, version FROM engine_nodes"
        : "SELECT * FROM \"" + table + "\"";
  }
}
