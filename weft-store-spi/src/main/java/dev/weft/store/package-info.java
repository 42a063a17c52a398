/**
 * The storage SPI: the one interface the Weft engine uses to persist workflow runs.
 *
 * <p>The unit of the SPI is the transaction a step needs. {@link dev.weft.store.Store#commit}
 * applies a {@link dev.weft.store.Batch} of {@link dev.weft.store.Write}s atomically: a workflow
 * task appends its history events and writes the tasks, timers and status they imply in one
 * transaction, so the history never says a task exists while the queue does not, or the reverse.
 * Conditional writes (an expected next event ID, a lease token) make lost races a normal return
 * value ({@link dev.weft.store.CommitResult.Conflict}), never an exception.
 *
 * <p>The store treats event and payload contents as opaque bytes: it knows rows (runs, history,
 * inbox, tasks, timers), not workflow semantics. That keeps every store small and lets one contract
 * suite (the TCK in {@code weft-store-tck}) pin the behaviour of all of them.
 *
 * <p>Visibility: runs carry typed search attributes ({@link
 * dev.weft.store.Write.UpsertSearchAttributes}) and an opaque memo ({@link
 * dev.weft.store.Write.SetMemo}); {@link dev.weft.store.Store#listRuns} filters and sorts by them
 * and by the built-in fields, with a {@link dev.weft.store.RunFilter} that {@link
 * dev.weft.store.RunFilterParser} reads from a small SQL-like language.
 *
 * <p>Features extend the store rather than widen it: a feature defines its own {@link
 * dev.weft.store.Write} types and an interface for its reads, and a store extension installed in
 * the store applies those writes in the same transaction as the core writes of their batch and
 * offers the reads through {@link dev.weft.store.Store#extension}. Update outcomes ({@link
 * dev.weft.store.updates}) are built that way.
 */
package dev.weft.store;
