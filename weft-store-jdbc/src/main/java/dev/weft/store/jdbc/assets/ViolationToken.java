package dev.weft.store.jdbc.assets;

/**
 * Where the next page of an asset's freshness violations starts: {@code v<id>}, the ID of the last
 * violation of the previous page (newest first, so the next page's IDs are below it).
 */
final class ViolationToken {
  private ViolationToken() {}

  static String format(long lastId) {
    return "v" + lastId;
  }

  /**
   * Returns the ID the page's violations must be below: every ID for a null token.
   *
   * @throws IllegalArgumentException if the token is not one {@link #format} wrote
   */
  static long parse(String token) {
    if (token == null) {
      return Long.MAX_VALUE;
    }
    if (token.length() > 1 && token.charAt(0) == 'v') {
      try {
        long id = Long.parseLong(token, 1, token.length(), 10);
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw new IllegalArgumentException(
        "pageToken '"
            + token
            + "' is not a violations page token: pass the nextPageToken of the previous page");
  }
}
