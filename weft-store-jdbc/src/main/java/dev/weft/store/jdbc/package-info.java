/**
 * The JDBC implementation of the store SPI, shared by the SQL stores.
 *
 * <p>{@link dev.weft.store.jdbc.JdbcStore} holds all the core's SQL; what differs between databases
 * (claim locking, migrations location, error codes) lives in a small {@link
 * dev.weft.store.jdbc.Dialect} object, never in {@code if (postgres)} branches. Every write goes
 * through a single writer with group commit, which applies each write of a batch with the applier
 * of its kind (history appends, a run's life and pause, workflow and activity tasks, timers, the
 * inbox, visibility) and commits many batches with one fsync.
 *
 * <p>Features extend a SQL store through {@link dev.weft.store.jdbc.JdbcExtension}: their own
 * tables and migrations, their own writes applied in the same transactions ({@link
 * dev.weft.store.jdbc.WriteApplier}, {@link dev.weft.store.jdbc.WriteContext}, {@link
 * dev.weft.store.jdbc.ConflictException}), their own reads on the store's read connections ({@link
 * dev.weft.store.jdbc.JdbcReads}), and their rows deleted with a run. Update outcomes ({@link
 * dev.weft.store.jdbc.updates}) are the first.
 */
package dev.weft.store.jdbc;
