package dev.weft.assets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of an asset's data: equal versions mean equal data. Staleness compares the version a
 * downstream asset consumed with its upstream's current one, never clocks.
 *
 * <p>By default a materialization's data version is {@link #ofBytes(byte[])} of the bytes its IO
 * manager stored; a compute may set its own with {@link AssetContext#setDataVersion(String)}, and
 * an observable source returns one from its observe function.
 *
 * @param value the version, not blank
 */
public record DataVersion(String value) {

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException when the value is null or blank
   */
  public DataVersion {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a data version must not be blank, was '" + value + "'");
    }
  }

  /** Returns the version {@code value}. */
  public static DataVersion of(String value) {
    return new DataVersion(value);
  }

  /** Returns the SHA-256 of the bytes, in hex: the default version of stored output. */
  public static DataVersion ofBytes(byte[] bytes) {
    try {
      return new DataVersion(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Returns the SHA-256 of the text's UTF-8 bytes, in hex. */
  public static DataVersion ofText(String text) {
    return ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return value;
  }
}
