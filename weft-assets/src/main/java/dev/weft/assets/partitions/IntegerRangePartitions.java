package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Partitions numbered by an integer, such as block numbers: the index <em>is</em> the number and
 * the key its decimal form ({@code "19000000"}). From a start, either to a fixed end (exclusive) or
 * growing: a growing range's current end comes from outside ({@link
 * PartitionsContext#withIntegerEnd(long)}, or a fixed snapshot with {@link #upTo(long)}). A named
 * growing range's current end is kept by the catalog under its name ({@code
 * assets.partitions().advanceIntegerEnd("chain", head + 1)}), so every reader of the catalog (the
 * status bar, counts of missing partitions, backfills) sees the same head; ranges of one name share
 * it.
 *
 * <pre>{@code
 * IntegerRangePartitions blocks = IntegerRangePartitions.from(0);          // growing
 * IntegerRangePartitions chain = IntegerRangePartitions.from(0).named("chain"); // end in catalog
 * IntegerRangePartitions first = IntegerRangePartitions.from(0).to(1000);  // blocks 0..999
 * }</pre>
 *
 * @param start the first number, at least 0
 * @param end the exclusive end, or empty while growing
 * @param name the name its current end is kept under in the catalog, {@code [A-Za-z0-9_]+}; null
 *     for a range whose end only the context gives
 */
public record IntegerRangePartitions(long start, OptionalLong end, String name)
    implements PartitionsDefinition {
  private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException when the start is negative, the end not after it or the name
   *     not {@code [A-Za-z0-9_]+}
   */
  public IntegerRangePartitions {
    Objects.requireNonNull(end, "end");
    if (name != null && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "integer range partitions name '" + name + "' must match [A-Za-z0-9_]+");
    }
    if (start < 0) {
      throw new IllegalArgumentException(
          "integer range partitions start at " + start + ": expected a number >= 0");
    }
    if (end.isPresent() && end.getAsLong() <= start) {
      throw new IllegalArgumentException(
          "integer range partitions from " + start + " to " + end.getAsLong() + " are empty");
    }
  }

  /** An unnamed range: its current end, while growing, comes from the context only. */
  public IntegerRangePartitions(long start, OptionalLong end) {
    this(start, end, null);
  }

  /** Returns the growing range from {@code start}. */
  public static IntegerRangePartitions from(long start) {
    return new IntegerRangePartitions(start, OptionalLong.empty());
  }

  /** Returns this range ending (exclusive) at {@code endExclusive}. */
  public IntegerRangePartitions to(long endExclusive) {
    return new IntegerRangePartitions(start, OptionalLong.of(endExclusive), name);
  }

  /**
   * Returns this range with its current end kept by the catalog under {@code name} (see {@link
   * PartitionsContext#integerEnd(String)}).
   *
   * @throws IllegalArgumentException when the name is not {@code [A-Za-z0-9_]+}
   */
  public IntegerRangePartitions named(String name) {
    if (name == null) {
      throw new IllegalArgumentException(
          "integer range partitions name is null: expected [A-Za-z0-9_]+");
    }
    return new IntegerRangePartitions(start, end, name);
  }

  /**
   * Returns the snapshot of this range whose current end is {@code currentEnd} (exclusive; capped
   * by a fixed end).
   */
  public IntegerRangePartitions upTo(long currentEnd) {
    return to(end.isPresent() ? Math.min(end.getAsLong(), currentEnd) : currentEnd);
  }

  /** Returns whether the range has no fixed end. */
  public boolean growing() {
    return end.isEmpty();
  }

  @Override
  public long index(String key, PartitionsContext ctx) {
    if (!NUMBER.matcher(key).matches()) {
      throw PartitionKeyException.ofKey(key, this, "not a number (digits, no sign, no leading 0)");
    }
    long index;
    try {
      index = Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw PartitionKeyException.ofKey(key, this, "too large for a partition number");
    }
    requireDeclared(index, key);
    return index;
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    requireDeclared(index, null);
    return Long.toString(index);
  }

  private void requireDeclared(long index, String key) {
    if (!declaredRange().contains(index)) {
      String problem = "expected a number in " + declaredRange();
      throw key == null
          ? PartitionKeyException.ofIndex(index, this, problem)
          : PartitionKeyException.ofKey(key, this, problem);
    }
  }

  @Override
  public IndexRange declaredRange() {
    return new IndexRange(start, end.orElse(Long.MAX_VALUE));
  }

  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    long current = end.isPresent() ? end.getAsLong() : ctx.integerEnd(name).orElse(start);
    return current > start
        ? IndexRangeSet.of(new IndexRange(start, current))
        : IndexRangeSet.empty();
  }

  @Override
  public Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "integer-range");
    d.put("start", start);
    d.put("end", end.isPresent() ? end.getAsLong() : null);
    if (name != null) {
      d.put("name", name);
    }
    return d;
  }

  @Override
  public String toString() {
    return "integer range partitions "
        + (name == null ? "" : "'" + name + "' ")
        + "from "
        + start
        + (end.isPresent() ? " to " + end.getAsLong() + " (exclusive)" : ", growing");
  }
}
