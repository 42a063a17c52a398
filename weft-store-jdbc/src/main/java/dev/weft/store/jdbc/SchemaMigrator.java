package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned SQL migrations: the core's, {@code db/<dialect>/V001.sql}, {@code V002.sql},
 * ... on the classpath, each once, in order, each in its own transaction, recording the version in
 * {@code weft_schema}; or a store extension's ({@link #forExtension}), from its own folder,
 * recorded under its name in {@code weft_extension_schema}. A database whose schema is newer than
 * the code is refused with both versions named.
 */
public final class SchemaMigrator {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  private final String folder;
  private final ClassLoader loader;

  /** The extension whose migrations these are; null for the core's. */
  private final String extension;

  /**
   * Creates a migrator for the scripts in {@code db/<dialectName>/} of the given class loader.
   *
   * @param dialectName the dialect's name, which is the folder name
   * @param loader the class loader that holds the scripts
   */
  public SchemaMigrator(String dialectName, ClassLoader loader) {
    this("db/" + dialectName + "/", loader, null);
  }

  private SchemaMigrator(String folder, ClassLoader loader, String extension) {
    this.folder = folder.endsWith("/") ? folder : folder + "/";
    this.loader = loader;
    this.extension = extension;
  }

  /**
   * Creates a migrator for a store extension's scripts for a dialect ({@link
   * JdbcExtension#migrationsFolder}), read with the extension's class loader and versioned under
   * its name.
   */
  public static SchemaMigrator forExtension(JdbcExtension extension, String dialectName) {
    return new SchemaMigrator(
        extension.migrationsFolder(dialectName),
        extension.getClass().getClassLoader(),
        extension.name());
  }

  /**
   * Brings the tables of each extension to its latest version, in the order given, as {@link
   * #migrate(Connection, boolean)} does for the core: what a SQL store does when it opens, after
   * the core's migrations.
   *
   * @throws StoreException if the extensions are not well formed (a bad or repeated name), or a
   *     migration is refused or fails, naming the extension
   */
  public static void migrateExtensions(
      Connection connection,
      String dialectName,
      List<JdbcExtension> extensions,
      boolean upgradeExisting) {
    for (JdbcExtension extension : Extensions.checked(extensions)) {
      forExtension(extension, dialectName).migrate(connection, upgradeExisting);
    }
  }

  /** Returns the highest schema version this code knows. */
  public int latestVersion() {
    return scripts().size();
  }

  /**
   * Brings the database to the latest version.
   *
   * @return the version the database had before
   * @throws StoreException if the database is newer than the code, or a script fails
   */
  public int migrate(Connection connection) {
    return migrate(connection, true);
  }

  /**
   * Creates the schema in an empty database, and brings an older one to the latest version if
   * {@code upgradeExisting}; refuses it otherwise, naming both versions.
   *
   * @return the version the database had before
   * @throws StoreException if the database is newer than the code, older and not to be upgraded, or
   *     a script fails
   */
  public int migrate(Connection connection, boolean upgradeExisting) {
    List<String> scripts = scripts();
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute(
            extension == null
                ? "CREATE TABLE IF NOT EXISTS weft_schema (version INTEGER NOT NULL PRIMARY KEY,"
                    + " applied_at BIGINT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS weft_extension_schema (extension TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, applied_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (extension, version))");
        connection.commit();
        int current = currentVersion(connection, s);
        if (current > scripts.size()) {
          throw new StoreException(
              subject()
                  + " is version "
                  + current
                  + ", newer than "
                  + code()
                  + ", which knows versions up to "
                  + scripts.size()
                  + (extension == null
                      ? "; upgrade Weft or use another store"
                      : "; upgrade the extension or use another store"));
        }
        if (current > 0 && current < scripts.size() && !upgradeExisting) {
          throw new StoreException(
              subject()
                  + " is version "
                  + current
                  + ", older than "
                  + code()
                  + "'s version "
                  + scripts.size()
                  + "; upgrade it by opening the store once with migrations enabled"
                  + " (the store option migrate, or --migrate on the command line)");
        }
        for (int v = current + 1; v <= scripts.size(); v++) {
          log.info("applying store schema migration {}{}", folder, fileName(v));
          for (String sql : statements(scripts.get(v - 1))) {
            s.execute(sql);
          }
          record(connection, s, v);
          connection.commit();
        }
        return current;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException(
          (extension == null ? "" : "store extension '" + extension + "': ")
              + "schema migration failed: "
              + e.getMessage(),
          e);
    }
  }

  /** What the messages call the schema being migrated. */
  private String subject() {
    return extension == null
        ? "the store's schema"
        : "the schema of store extension '" + extension + "'";
  }

  /** What the messages call the code that knows the scripts. */
  private String code() {
    return extension == null ? "this Weft" : "this code";
  }

  private int currentVersion(Connection connection, Statement s) throws SQLException {
    if (extension == null) {
      try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM weft_schema")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT MAX(version) FROM weft_extension_schema WHERE extension = ?")) {
      ps.setString(1, extension);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private void record(Connection connection, Statement s, int version) throws SQLException {
    if (extension == null) {
      s.execute(
          "INSERT INTO weft_schema (version, applied_at) VALUES ("
              + version
              + ", "
              + System.currentTimeMillis()
              + ")");
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO weft_extension_schema (extension, version, applied_at)"
                + " VALUES (?, ?, ?)")) {
      ps.setString(1, extension);
      ps.setInt(2, version);
      ps.setLong(3, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }

  private List<String> scripts() {
    List<String> scripts = new ArrayList<>();
    for (int v = 1; ; v++) {
      try (InputStream in = loader.getResourceAsStream(folder + fileName(v))) {
        if (in == null) {
          return scripts;
        }
        scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new StoreException("cannot read migration " + folder + fileName(v), e);
      }
    }
  }

  private static String fileName(int version) {
    return String.format("V%03d.sql", version);
  }

  /**
   * Splits a script into statements at semicolons that end a line, outside a dollar-quoted body
   * ({@code $$ ... $$}, a function's); drops comment lines.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inBody = false;
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      for (int at = line.indexOf("$$"); at >= 0; at = line.indexOf("$$", at + 2)) {
        inBody = !inBody;
      }
      if (!inBody && trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
