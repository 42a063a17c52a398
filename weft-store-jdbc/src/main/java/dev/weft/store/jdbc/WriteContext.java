package dev.weft.store.jdbc;

import dev.weft.store.Batch;
import dev.weft.store.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What a {@link WriteApplier} of a store extension works with while it applies a write: the
 * writer's transaction, which holds the core writes of the same {@link Batch} (and of other batches
 * committed in the same group), the store's {@link Dialect}, and a queue of actions to run once the
 * transaction is durable.
 *
 * <p>To refuse a write, throw {@link ConflictException}: the whole batch is rolled back. Never
 * commit, roll back or change the connection's settings; the writer does. Used on the writer's
 * thread only, and only during the call it was handed to.
 */
public interface WriteContext extends SqlSession {

  /**
   * Returns the connection's prepared statement for {@code sql}, after running any update the
   * writer deferred (so the statement sees every earlier write of the transaction).
   */
  @Override
  PreparedStatement prepare(String sql) throws SQLException;

  /**
   * Applies further writes in this transaction, each by its applier (the core's or an extension's),
   * as if they stood in the batch after the write being applied: for a feature whose row, once its
   * condition holds, must wake a run in the same transaction (a {@link Write.IfRunning} group of
   * {@link Write.InsertInbox} and {@link Write.EnsureWorkflowTask}). Their notifications reach the
   * store's listeners after the commit like any others.
   *
   * @throws ConflictException if one of them conflicts: the whole batch is rolled back
   * @throws SQLException if a statement fails
   */
  void apply(Write write) throws SQLException, ConflictException;

  /** Returns what differs for the database the store runs on. */
  Dialect dialect();

  /**
   * Runs {@code action} after the transaction holding this write committed and is durable, on the
   * writer's thread, before the caller of {@link dev.weft.store.Store#commit} hears of it; never if
   * the write is rolled back (a conflict, a failure, or a batch that runs again). For telling a
   * feature's own listeners what committed. The action must be quick and must not call the store;
   * an exception it throws is logged and ignored.
   */
  void afterCommit(Runnable action);
}
