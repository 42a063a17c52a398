/**
 * Update outcomes: the first feature built as a store extension rather than into the core SPI.
 *
 * <p>The engine records the outcome of each update request ({@link
 * dev.weft.store.updates.PutUpdateOutcome}, in the batch of the workflow task that completes or
 * rejects it) and the client waiting for it reads it back ({@link
 * dev.weft.store.updates.UpdateOutcomes}, through {@link dev.weft.store.Store#extension}). The
 * store keeps outcomes in a table of the extension's own, with its own migrations, and deletes them
 * with their run.
 */
package dev.weft.store.updates;
