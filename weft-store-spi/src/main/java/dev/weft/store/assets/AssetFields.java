package dev.weft.store.assets;

/** The checks the catalog's records share; each failure names the field, the value and the rule. */
final class AssetFields {
  private AssetFields() {}

  /** Returns {@code value} if it is an asset key ({@link AssetKeys#requireAssetKey}). */
  static String key(String field, String value) {
    return AssetKeys.requireAssetKey(field, value);
  }

  /** Returns {@code value} if it is a partition ({@link AssetKeys#requirePartition}). */
  static String partition(String field, String value) {
    return AssetKeys.requirePartition(field, value);
  }

  /** Returns {@code value} if it is neither null nor blank. */
  static String notBlank(String field, String value) {
    nonNull(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank: expected a non-blank string");
    }
    return value;
  }

  /** Returns {@code value} if it is null or not blank. */
  static String nullOrNotBlank(String field, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(
          field + " is blank: expected null (none) or a non-blank string");
    }
    return value;
  }

  /** Returns {@code value} if it is not null. */
  static <T> T nonNull(String field, T value) {
    if (value == null) {
      throw new NullPointerException(field + " is null");
    }
    return value;
  }
}
