package dev.weft.store.assets.partitions;

import java.time.Instant;

/**
 * The recorded current end of a named growing integer range ({@link AdvanceIntegerPartitionEnd}).
 *
 * @param rangeName the range's name
 * @param endExclusive the exclusive end (the chain head + 1)
 * @param updatedAt when it last moved
 */
public record IntegerPartitionEnd(String rangeName, long endExclusive, Instant updatedAt) {}
