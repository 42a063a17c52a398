package dev.weft.store.assets.partitions;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Moves the current end of a named growing integer range (the chain head + 1) to {@code
 * endExclusive}: records it the first time, moves it forward later; the same end again changes
 * nothing. Conditional: an end before the recorded one is refused (a {@code Conflict} naming the
 * range, its current end and the value), since partitions once declared never disappear.
 *
 * @param namespace the namespace
 * @param rangeName the range's name
 * @param endExclusive the new exclusive end, at least 0
 * @param at when
 */
public record AdvanceIntegerPartitionEnd(
    String namespace, String rangeName, long endExclusive, Instant at) implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace or name is blank or the end negative
   */
  public AdvanceIntegerPartitionEnd {
    PartitionFields.namespace(namespace);
    PartitionFields.notBlank("rangeName", null, rangeName);
    if (endExclusive < 0) {
      throw new IllegalArgumentException(
          "endExclusive (of integer range "
              + rangeName
              + ") is "
              + endExclusive
              + ": expected a number >= 0");
    }
    PartitionFields.nonNull("at", null, at);
  }

  /** Null: it belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
