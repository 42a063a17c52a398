package dev.weft.assets.partitions;

import dev.weft.assets.AssetKey;

/**
 * A partition key or index that the partitions definition does not hold: a key outside its range, a
 * malformed key, an unknown dimension of a multi-partition, a dynamic key not (or no longer) in the
 * catalog. The message names the key (or index), the definition and, when the caller knows it, the
 * asset, for example {@code partition key '2024-13-01' of asset market/trades: not a date
 * (yyyy-MM-dd) (daily partitions from 2024-01-01 in UTC)}. Nothing was changed.
 */
public final class PartitionKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String key;
  private final String definition;
  private final String problem;
  private final transient AssetKey asset;

  /**
   * Creates the exception.
   *
   * @param key the key as given (or {@code "#" + index} for an index)
   * @param definition the definition, in words ({@link PartitionsDefinition#toString()})
   * @param problem what is wrong with the key
   */
  public PartitionKeyException(String key, String definition, String problem) {
    this(subject(key), key, definition, problem, null);
  }

  private PartitionKeyException(
      String subject, String key, String definition, String problem, AssetKey asset) {
    super(
        subject
            + (asset == null ? "" : " of asset " + asset)
            + ": "
            + problem
            + " ("
            + definition
            + ")");
    this.subject = subject;
    this.key = key;
    this.definition = definition;
    this.problem = problem;
    this.asset = asset;
  }

  static PartitionKeyException ofIndex(
      long index, PartitionsDefinition definition, String problem) {
    return new PartitionKeyException("#" + index, definition.toString(), problem);
  }

  static PartitionKeyException ofKey(String key, PartitionsDefinition definition, String problem) {
    return new PartitionKeyException(key, definition.toString(), problem);
  }

  static PartitionKeyException ofDimension(
      String name, PartitionsDefinition definition, String problem) {
    return new PartitionKeyException(
        "partition dimension '" + name + "'", name, definition.toString(), problem, null);
  }

  private static String subject(String key) {
    return key.startsWith("#")
        ? "partition index " + key.substring(1)
        : "partition key '" + key + "'";
  }

  /** Returns the same problem, naming the asset whose partitions these are. */
  public PartitionKeyException forAsset(AssetKey assetKey) {
    PartitionKeyException named =
        new PartitionKeyException(subject, key, definition, problem, assetKey);
    named.initCause(this);
    return named;
  }

  /** Returns the key as given, {@code #index} when an index was refused, or a dimension's name. */
  public String key() {
    return key;
  }

  /** Returns the definition, in words. */
  public String definition() {
    return definition;
  }

  /** Returns the asset, or {@code null} when the caller did not name it. */
  public AssetKey asset() {
    return asset;
  }
}
