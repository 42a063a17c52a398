package dev.weft.store.jdbc.assets;

/**
 * A keyset page token over an increasing row number: {@code <prefix><seq>}, the number of the last
 * row of the previous page.
 */
final class SeqToken {
  private SeqToken() {}

  static String format(String prefix, long seq) {
    return prefix + seq;
  }

  /**
   * Returns the number in the token; {@link Long#MAX_VALUE} for a null token.
   *
   * @throws IllegalArgumentException naming the token when {@link #format} did not write it
   */
  static long parse(String prefix, String what, String token) {
    if (token == null) {
      return Long.MAX_VALUE;
    }
    if (token.length() > prefix.length() && token.startsWith(prefix)) {
      try {
        long seq = Long.parseLong(token, prefix.length(), token.length(), 10);
        if (seq > 0) {
          return seq;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw new IllegalArgumentException(
        "pageToken '"
            + token
            + "' is not a "
            + what
            + " page token: pass the nextPageToken of the previous page");
  }
}
