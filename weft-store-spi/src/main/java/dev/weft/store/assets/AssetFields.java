package dev.weft.store.assets;

import java.util.regex.Pattern;

/** The checks the catalog's records share; each failure names the field, the value and the rule. */
final class AssetFields {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*");

  private AssetFields() {}

  /** Returns {@code value} if it is an asset key: segments {@code [A-Za-z0-9_]+} joined by '/'. */
  static String key(String field, String value) {
    nonNull(field, value);
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " '"
              + value
              + "' is not an asset key: expected segments of letters, digits and '_' joined by"
              + " '/' (chain/raw_blocks)");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is a partition: not null ({@code ""} for an unpartitioned asset).
   */
  static String partition(String field, String value) {
    if (value == null) {
      throw new NullPointerException(
          field + " is null: an unpartitioned asset's partition is \"\" (the empty string)");
    }
    return value;
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
