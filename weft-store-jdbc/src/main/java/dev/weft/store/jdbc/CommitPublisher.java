package dev.weft.store.jdbc;

import dev.weft.store.StoreListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Tells other processes sharing the database what a transaction's writes mean for their waiting
 * workers (PostgreSQL: {@code NOTIFY}, which the database delivers only if the transaction
 * commits). Called on the writer's thread inside the transaction, just before its commit.
 */
@FunctionalInterface
public interface CommitPublisher {

  /**
   * Publishes a group's notifications.
   *
   * @param connection the writer's connection, inside the transaction about to commit
   * @param notifications replays the group's notifications to the listener it is given
   */
  void publish(Connection connection, Consumer<StoreListener> notifications) throws SQLException;
}
