package dev.weft.store.assets;

/**
 * The rules of the catalog's keys, for whoever accepts keys from users (selections, HTTP paths): an
 * asset key is segments of {@code [A-Za-z0-9_]+} joined by {@code /} ({@code chain/raw_blocks}); a
 * partition is any string, {@code ""} for an unpartitioned asset, never null.
 */
public final class AssetKeys {
  private AssetKeys() {}

  /** Returns whether {@code value} is an asset key (false for null). */
  public static boolean isAssetKey(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    boolean segmentStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/') {
        if (segmentStart) {
          return false;
        }
        segmentStart = true;
      } else if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_') {
        segmentStart = false;
      } else {
        return false;
      }
    }
    return !segmentStart;
  }

  /**
   * Returns {@code value} if it is an asset key.
   *
   * @param field the field's name, for the message
   * @throws NullPointerException if it is null, naming the field
   * @throws IllegalArgumentException if it is not an asset key, naming the field and the value
   */
  public static String requireAssetKey(String field, String value) {
    if (value == null) {
      throw new NullPointerException(field + " is null");
    }
    if (!isAssetKey(value)) {
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
   * Returns {@code value} if it is a partition: not null.
   *
   * @param field the field's name, for the message
   * @throws NullPointerException if it is null, naming the field and saying that an unpartitioned
   *     asset's partition is {@code ""}
   */
  public static String requirePartition(String field, String value) {
    if (value == null) {
      throw new NullPointerException(
          field + " is null: an unpartitioned asset's partition is \"\" (the empty string)");
    }
    return value;
  }
}
