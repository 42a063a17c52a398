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
    this(key, definition, problem, null);
  }

  private PartitionKeyException(String key, String definition, String problem, AssetKey asset) {
    super(message(key, definition, problem, asset));
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

  private static String message(String key, String definition, String problem, AssetKey asset) {
    String subject =
        key.startsWith("#") ? "partition index " + key.substring(1) : "partition key '" + key + "'";
    return subject
        + (asset == null ? "" : " of asset " + asset)
        + ": "
        + problem
        + " ("
        + definition
        + ")";
  }

  /** Returns the same problem, naming the asset whose partitions these are. */
  public PartitionKeyException forAsset(AssetKey assetKey) {
    PartitionKeyException named = new PartitionKeyException(key, definition, problem, assetKey);
    named.initCause(this);
    return named;
  }

  /** Returns the key as given, or {@code #index} when an index was refused. */
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
