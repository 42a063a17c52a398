package dev.weft.assets.partitions;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named dimension of {@link MultiPartitions}, with its capacity: how many index values it may
 * take (its radix in the multi index). A static dimension, a bounded integer range or time windows
 * with an end have a natural capacity; a growing one (dynamic keys, a growing integer range, time
 * windows without an end) needs {@link #capacity(long)} unless it is the first (most significant)
 * dimension.
 *
 * @param name the dimension's name, {@code [A-Za-z0-9_]+}
 * @param definition its partitions (not itself multi-dimensional nor unpartitioned)
 * @param declaredCapacity the declared capacity, or 0 for the natural one
 */
public record PartitionDimension(
    String name, PartitionsDefinition definition, long declaredCapacity) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * Validates the dimension.
   *
   * @throws IllegalArgumentException naming a bad name, a nested multi or an unpartitioned
   *     definition, or a capacity below the definition's size
   */
  public PartitionDimension {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("dimension name '" + name + "' must match [A-Za-z0-9_]+");
    }
    Objects.requireNonNull(definition, "definition of dimension " + name);
    if (definition instanceof MultiPartitions || definition instanceof Unpartitioned) {
      throw new IllegalArgumentException(
          "dimension "
              + name
              + " cannot be "
              + definition
              + ": expected a one-dimensional definition");
    }
    if (declaredCapacity < 0) {
      throw new IllegalArgumentException(
          "dimension " + name + ": capacity " + declaredCapacity + " must be positive");
    }
    long natural = naturalCapacity(definition);
    if (declaredCapacity > 0 && natural > 0 && declaredCapacity < natural) {
      throw new IllegalArgumentException(
          "dimension "
              + name
              + ": capacity "
              + declaredCapacity
              + " is below its "
              + natural
              + " partitions");
    }
  }

  /** Returns the dimension {@code name} of {@code definition}. */
  public static PartitionDimension of(String name, PartitionsDefinition definition) {
    return new PartitionDimension(name, definition, 0);
  }

  /** Returns this dimension with room for {@code maxPartitions} index values. */
  public PartitionDimension capacity(long maxPartitions) {
    if (maxPartitions <= 0) {
      throw new IllegalArgumentException(
          "dimension " + name + ": capacity " + maxPartitions + " must be positive");
    }
    return new PartitionDimension(name, definition, maxPartitions);
  }

  /** Returns the radix of the dimension, or 0 when it is unbounded. */
  public long radix() {
    return declaredCapacity > 0 ? declaredCapacity : naturalCapacity(definition);
  }

  /** The lowest index of the definition: a dimension's local digit is its index minus this. */
  long base() {
    return definition.declaredRange().start();
  }

  private static long naturalCapacity(PartitionsDefinition definition) {
    long end = definition.declaredRange().end();
    return end == Long.MAX_VALUE ? 0 : end - definition.declaredRange().start();
  }
}
