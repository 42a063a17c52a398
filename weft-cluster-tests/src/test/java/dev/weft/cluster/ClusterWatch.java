package dev.weft.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the cluster once a second through its own plain JDBC connection, for the test's report:
 * how many workflows completed, and which nodes' sessions sat in a transaction longer than a second
 * (idle in it, or waiting for a lock another session holds). This shows how the load fared during a
 * fault, not just that it recovered.
 */
final class ClusterWatch implements AutoCloseable {
  private static final String LONG_TRANSACTIONS =
      """
      SELECT substr(a.application_name, 6), a.state,
             extract(epoch FROM now() - a.xact_start), extract(epoch FROM now() - a.query_start),
             (SELECT string_agg(substr(b.application_name, 6), '+') FROM pg_stat_activity b
              WHERE b.pid = ANY (pg_blocking_pids(a.pid))),
             coalesce(a.wait_event, ''), left(regexp_replace(a.query, '\\s+', ' ', 'g'), 48)
      FROM pg_stat_activity a
      WHERE a.application_name LIKE 'weft %' AND now() - a.xact_start > interval '1 second'
      ORDER BY a.xact_start
      """;

  private final String schema;
  private final long began = System.nanoTime();
  private final List<String> timeline = new ArrayList<>();
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "cluster-watch"));
  private Connection connection;

  private ClusterWatch(String schema) {
    this.schema = schema;
  }

  /** Starts sampling the cluster on {@code schema}. */
  static ClusterWatch start(String schema) {
    ClusterWatch watch = new ClusterWatch(schema);
    watch.ticks.scheduleAtFixedRate(watch::sample, 0, 1, TimeUnit.SECONDS);
    return watch;
  }

  private void sample() {
    String line;
    try {
      if (connection == null || !connection.isValid(1)) {
        connection = DriverManager.getConnection(ClusterPostgres.jdbcUrl());
      }
      line = describe();
    } catch (SQLException e) {
      connection = null;
      line = "database unreachable (" + e.getSQLState() + ")";
    }
    add(line);
  }

  /** Puts an event (a fault being injected) into the timeline. */
  void mark(String event) {
    add("** " + event + " **");
  }

  private void add(String entry) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
    synchronized (timeline) {
      timeline.add("+" + seconds + "s " + entry);
    }
  }

  private String describe() throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT count(*) FROM " + schema + ".runs WHERE status = 'COMPLETED'")) {
        rs.next();
        text.append(rs.getLong(1));
      }
      try (ResultSet rs = s.executeQuery(LONG_TRANSACTIONS)) {
        while (rs.next()) {
          text.append("; ")
              .append(rs.getString(1))
              .append(String.format(Locale.ROOT, " %.1fs in a transaction, ", rs.getDouble(3)));
          if (rs.getString(5) != null) {
            text.append(
                String.format(
                    Locale.ROOT,
                    "waiting %.1fs for %s (%s) in '%s'",
                    rs.getDouble(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
          } else {
            text.append(rs.getString(2));
          }
        }
      }
    }
    return text.toString();
  }

  /** The samples so far: the completed count at each second, with long transactions if any. */
  String timeline() {
    StringBuilder text =
        new StringBuilder("completed workflows (and sessions over 1 s in a transaction)");
    synchronized (timeline) {
      for (int i = 0; i < timeline.size(); i++) {
        text.append(i % 10 == 0 ? "\n  " : ", ").append(timeline.get(i));
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    try {
      ticks.awaitTermination(5, TimeUnit.SECONDS);
      if (connection != null) {
        connection.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException ignored) {
      // only a watcher
    }
  }
}
