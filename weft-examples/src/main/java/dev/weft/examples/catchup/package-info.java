/**
 * Scenario: a catch-up over a range of 100,000 blocks that survives restarts. {@link
 * dev.weft.examples.catchup.BlockCatchUp} ingests one batch of blocks per run (one activity call)
 * and continues as new with the next {@link dev.weft.examples.catchup.CatchUpCursor}, so each run's
 * history stays short and a restarted process continues at the batch where it stopped.
 *
 * <p>The activity writes through an idempotent {@link dev.weft.examples.catchup.BlockStore} keyed
 * by block number, so a batch that is retried (delivery is at-least-once) stores no block twice.
 */
package dev.weft.examples.catchup;
