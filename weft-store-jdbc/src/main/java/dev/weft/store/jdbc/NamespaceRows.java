package dev.weft.store.jdbc;

import dev.weft.store.NamespaceRecord;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The namespace catalog's rows: applies {@link Write.InsertNamespace} (conflicts on a taken name)
 * and {@link Write.UpdateNamespace} (conflicts on an unknown one), and reads them.
 */
final class NamespaceRows {
  private static final String COLUMNS =
      "name, description, retention_millis, create_time, update_time";

  private NamespaceRows() {}

  static void register(Appliers appliers) {
    appliers.add(Write.InsertNamespace.class, NamespaceRows::insert);
    appliers.add(Write.UpdateNamespace.class, NamespaceRows::update);
  }

  static void insert(Write.InsertNamespace w, BatchContext batch)
      throws SQLException, ConflictException {
    NamespaceRecord ns = w.namespace();
    PreparedStatement ps =
        batch
            .statements()
            .prepare(
                "INSERT INTO namespaces ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
    ps.setString(1, ns.name());
    ps.setString(2, ns.description());
    Millis.set(ps, 3, ns.retention());
    Millis.set(ps, 4, ns.createTime());
    Millis.set(ps, 5, ns.updateTime());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "namespace " + ns.name() + " exists already");
    }
  }

  static void update(Write.UpdateNamespace w, BatchContext batch)
      throws SQLException, ConflictException {
    PreparedStatement ps =
        batch
            .statements()
            .prepare(
                "UPDATE namespaces SET description = COALESCE(?, description),"
                    + " retention_millis = COALESCE(?, retention_millis), update_time = ?"
                    + " WHERE name = ?");
    ps.setString(1, w.description());
    Millis.set(ps, 2, w.retention());
    Millis.set(ps, 3, w.updateTime());
    ps.setString(4, w.name());
    if (ps.executeUpdate() == 0) {
      throw new ConflictException(w, "namespace " + w.name() + " does not exist");
    }
  }

  static Optional<NamespaceRecord> find(String name, Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT " + COLUMNS + " FROM namespaces WHERE name = ?");
    ps.setString(1, name);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row(rs)) : Optional.empty();
    }
  }

  static List<NamespaceRecord> all(Statements st) throws SQLException {
    PreparedStatement ps = st.prepare("SELECT " + COLUMNS + " FROM namespaces ORDER BY name");
    List<NamespaceRecord> all = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(row(rs));
      }
    }
    return all;
  }

  private static NamespaceRecord row(ResultSet rs) throws SQLException {
    return new NamespaceRecord(
        rs.getString(1),
        rs.getString(2),
        Duration.ofMillis(rs.getLong(3)),
        Millis.instant(rs, 4),
        Millis.instant(rs, 5));
  }
}
