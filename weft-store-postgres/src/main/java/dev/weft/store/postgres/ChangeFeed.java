package dev.weft.store.postgres;

import dev.weft.store.StoreListener;
import dev.weft.store.jdbc.CommitPublisher;
import dev.weft.store.jdbc.ConnectionSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups between the nodes sharing one database, over {@code LISTEN/NOTIFY}: each writer
 * transaction that makes work ready {@code NOTIFY}s a channel (delivered only if it commits), and
 * one connection per node listens on it and hands the other nodes' notifications to the local
 * workers. Notifications are hints; the workers' slow safety poll covers any that are lost (during
 * an outage, for one). After a lost connection the listener reconnects with backoff, then wakes
 * every local loop once, since it may have missed something.
 */
final class ChangeFeed implements CommitPublisher, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final String channel;
  private final String nodeId;
  private final ConnectionSource connections;
  private final Consumer<Consumer<StoreListener>> deliver;
  private final BiConsumer<String, Throwable> lost;
  private final Consumer<String> restored;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  /**
   * @param channel the channel name (an identifier: lower-case letters, digits, underscores)
   * @param nodeId this node's ID: its own notifications are not delivered back to it
   * @param connections opens the listening connection
   * @param deliver hands a notification to the local listeners
   * @param lost reports a lost connection (logged once per outage)
   * @param restored reports the connection back
   */
  ChangeFeed(
      String channel,
      String nodeId,
      ConnectionSource connections,
      Consumer<Consumer<StoreListener>> deliver,
      BiConsumer<String, Throwable> lost,
      Consumer<String> restored) {
    this.channel = channel;
    this.nodeId = nodeId;
    this.connections = connections;
    this.deliver = deliver;
    this.lost = lost;
    this.restored = restored;
    this.thread =
        Thread.ofPlatform().name("weft-postgres-listener").daemon(true).unstarted(this::loop);
  }

  /** Opens the listening connection (failing if it cannot) and starts listening. */
  void start() throws SQLException {
    connection = listen();
    thread.start();
  }

  @Override
  public void publish(Connection writer, Consumer<StoreListener> notifications)
      throws SQLException {
    ChangeMessage message = new ChangeMessage();
    notifications.accept(message);
    if (message.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = writer.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (String payload : message.payloads(nodeId)) {
        ps.setString(1, channel);
        ps.setString(2, payload);
        ps.executeQuery().close();
      }
    }
  }

  private Connection listen() throws SQLException {
    Connection c = connections.open();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + channel);
    }
    return c;
  }

  private void loop() {
    int attempt = 0;
    while (running) {
      try {
        if (connection == null) {
          Thread.sleep(ConnectionSource.backoffMillis(++attempt));
          connection = listen();
          attempt = 0;
          restored.accept("notification listener");
          // anything may have become ready while this node was not listening
          deliver.accept(StoreListener::notificationsMissed);
        }
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(500);
        if (received == null) {
          continue;
        }
        for (PGNotification n : received) {
          String payload = n.getParameter();
          if (!nodeId.equals(ChangeMessage.sender(payload))) {
            deliver.accept(l -> ChangeMessage.replay(payload, l));
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        if (connection != null) {
          lost.accept("notification listener", e);
          closeQuietly(connection);
          connection = null;
        } else {
          log.debug("listener reconnect attempt {} failed: {}", attempt, e.getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection c = connection;
    if (c != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // going away anyway
    }
  }
}
