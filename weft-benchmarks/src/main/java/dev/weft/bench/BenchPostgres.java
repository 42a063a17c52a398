package dev.weft.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh PostgreSQL server for one benchmark run, started from the embedded binaries with its data
 * in the run's temporary directory, and stopped when closed (the run then deletes the directory).
 *
 * <p>Durable like a default installation: the embedded server turns {@code fsync} and {@code
 * synchronous_commit} off for tests, so both are set back to PostgreSQL's defaults, and the run is
 * refused if the server does not report them on. Its log goes to {@code postgres.log} in the run's
 * directory, not to the bench's output.
 */
final class BenchPostgres implements AutoCloseable {
  /** PostgreSQL's own defaults, which a user's server has unless they changed them. */
  private static final Map<String, String> DURABLE =
      Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

  /** The server's connection limit; {@link ClusterWorkload} sizes its nodes against it. */
  static final int MAX_CONNECTIONS = 300;

  /** Environment variable with extra server settings for diagnosis: see {@link #extraSettings}. */
  static final String EXTRA_SETTINGS = "WEFT_BENCH_POSTGRES_SETTINGS";

  /** Connections kept for superusers ({@code superuser_reserved_connections}, default 3). */
  static final int RESERVED_CONNECTIONS = 3;

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final String description;

  private BenchPostgres(EmbeddedPostgres server, Path dataDir, String description) {
    this.server = server;
    this.dataDir = dataDir;
    this.description = description;
  }

  /**
   * Starts a server with its data in {@code dir/data} and its log in {@code dir/postgres.log}.
   *
   * @throws IOException if it cannot start
   * @throws IllegalStateException if it runs without the default durability
   */
  static BenchPostgres start(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path dataDir = dir.resolve("data");
    File log = dir.resolve("postgres.log").toFile();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            // the run deletes its directory after the server stopped; the embedded server's own
            // shutdown hook (Ctrl-C) would race with that if it deleted the data too
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log));
    DURABLE.forEach(builder::setServerConfig);
    extraSettings(System.getenv(EXTRA_SETTINGS)).forEach(builder::setServerConfig);
    EmbeddedPostgres server = builder.start();
    try {
      return new BenchPostgres(server, dataDir, checkDurable(server));
    } catch (SQLException e) {
      server.close();
      throw new IOException("cannot read the embedded PostgreSQL's settings: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Parses the extra server settings of {@link #EXTRA_SETTINGS} ({@code name=value} pairs separated
   * by commas; null or blank for none): for diagnosis, such as {@code
   * shared_preload_libraries=pg_stat_statements}. Durability is still checked after the start.
   *
   * @throws IllegalArgumentException naming a pair without {@code =}
   */
  static Map<String, String> extraSettings(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return settings;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            EXTRA_SETTINGS + " must hold name=value pairs separated by commas, was '" + text + "'");
      }
      settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return settings;
  }

  private static String checkDurable(EmbeddedPostgres server) throws SQLException {
    Map<String, String> actual = new LinkedHashMap<>();
    String version;
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      version = show(s, "server_version");
      for (String name : DURABLE.keySet().stream().sorted().toList()) {
        actual.put(name, show(s, name));
      }
    }
    actual.forEach(
        (name, value) -> {
          if (!value.equals(DURABLE.get(name))) {
            throw new IllegalStateException(
                "the embedded PostgreSQL runs with " + name + "=" + value + ", not durable");
          }
        });
    StringBuilder d = new StringBuilder("PostgreSQL ").append(version).append(" (");
    actual.forEach((name, value) -> d.append(name).append('=').append(value).append(", "));
    d.setLength(d.length() - 2);
    return d.append(')').toString();
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Creates an empty database and returns its JDBC URL. */
  String createDatabase(String name) throws SQLException {
    execute("CREATE DATABASE " + name);
    return server.getJdbcUrl("postgres", name);
  }

  /** Drops a database, ending any connection still open to it. */
  void dropDatabase(String name) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * The CPU time of the server's processes (the postmaster, whose pid is the first line of {@code
   * postmaster.pid} in its data directory, and its backends).
   *
   * @throws IOException if {@code postmaster.pid} cannot be read
   * @throws IllegalStateException if its first line is not a process id
   */
  ProcessTreeCpu cpu() throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    try {
      return new ProcessTreeCpu(Long.parseLong(first));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "the first line of " + pidFile + " must be the server's process id, was '" + first + "'",
          e);
    }
  }

  /** The server's version and durability settings, for the summary. */
  String description() {
    return description;
  }

  /** Stops the server; the run deletes its data with its directory. */
  @Override
  public void close() throws IOException {
    server.close();
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL in " + dataDir;
  }
}
