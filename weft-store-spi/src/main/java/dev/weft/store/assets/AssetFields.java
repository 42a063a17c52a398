package dev.weft.store.assets;

/**
 * The checks the catalog's records share; each failure names the field (and the asset it belongs
 * to), the value and the rule. Messages are built only on failure: the store builds these records
 * for every row it reads.
 */
final class AssetFields {
  private AssetFields() {}

  /** Returns {@code value} if it is an asset key ({@link AssetKeys#requireAssetKey}). */
  static String key(String field, String value) {
    return AssetKeys.requireAssetKey(field, value);
  }

  /** {@link #key(String, String)} of a field of {@code asset}. */
  static String key(String field, String asset, String value) {
    return AssetKeys.isAssetKey(value)
        ? value
        : AssetKeys.requireAssetKey(name(field, asset), value);
  }

  /** Returns {@code value} if it is a partition ({@link AssetKeys#requirePartition}). */
  static String partition(String field, String asset, String value) {
    return value != null ? value : AssetKeys.requirePartition(name(field, asset), null);
  }

  /** Returns {@code value} if it is neither null nor blank. */
  static String notBlank(String field, String value) {
    return notBlank(field, null, value);
  }

  /** {@link #notBlank(String, String)} of a field of {@code asset}. */
  static String notBlank(String field, String asset, String value) {
    nonNull(field, asset, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          name(field, asset) + " is blank: expected a non-blank string");
    }
    return value;
  }

  /** Returns {@code value} if it is null or not blank. */
  static String nullOrNotBlank(String field, String asset, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(
          name(field, asset) + " is blank: expected null (none) or a non-blank string");
    }
    return value;
  }

  /** Returns {@code value} if it is not null. */
  static <T> T nonNull(String field, T value) {
    return nonNull(field, null, value);
  }

  /** {@link #nonNull(String, Object)} of a field of {@code asset}. */
  static <T> T nonNull(String field, String asset, T value) {
    if (value == null) {
      throw new NullPointerException(name(field, asset) + " is null");
    }
    return value;
  }

  private static String name(String field, String asset) {
    return asset == null ? field : field + " (of asset " + asset + ")";
  }
}
