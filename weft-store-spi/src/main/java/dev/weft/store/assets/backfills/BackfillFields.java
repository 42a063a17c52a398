package dev.weft.store.assets.backfills;

import dev.weft.store.assets.AssetKeys;

/** The checks the backfill writes share; each failure names the field and the value. */
final class BackfillFields {
  private BackfillFields() {}

  static <T> T nonNull(String field, T value) {
    if (value == null) {
      throw new NullPointerException(field + " is null");
    }
    return value;
  }

  static String notBlank(String field, String value) {
    nonNull(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank: expected a non-blank string");
    }
    return value;
  }

  static String asset(String field, String value) {
    return AssetKeys.requireAssetKey(field, value);
  }

  static long notNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " is " + value + ": expected 0 or more");
    }
    return value;
  }
}
