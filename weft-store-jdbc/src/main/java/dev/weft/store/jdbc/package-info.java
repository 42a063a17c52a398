/**
 * The JDBC implementation of the store SPI, shared by the SQL stores.
 *
 * <p>{@link dev.weft.store.jdbc.JdbcStore} holds all the SQL a store runs; what differs between
 * databases (claim locking, migrations location, error codes) lives in a small {@link
 * dev.weft.store.jdbc.Dialect} object, never in {@code if (postgres)} branches. Writes run through
 * a {@link dev.weft.store.jdbc.TransactionExecutor}: SQLite uses a single-writer {@link
 * dev.weft.store.jdbc.GroupCommitWriter} that commits many batches with one fsync.
 */
package dev.weft.store.jdbc;
