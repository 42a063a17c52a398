/**
 * The chain example on integer-range partitions, one per block number (group {@code chain}): the
 * node's block hashes observed per block, the blocks, their transfers and the transfers valued with
 * the token metadata of their block (retried 30 minutes later when the metadata is not there yet,
 * without holding up the other blocks), rolled up per 100 blocks. A re-org of the last blocks,
 * observed, makes exactly those blocks and their dependents stale.
 */
package dev.weft.examples.assets.blocks;
