package dev.weft.store.jdbc.assets;

/**
 * Where the next page of an asset's history starts: {@code h<id>}, the ID of the last entry of the
 * previous page (entries come newest first, so the next page's IDs are below it).
 */
final class HistoryToken {
  private HistoryToken() {}

  static String format(long lastId) {
    return "h" + lastId;
  }

  /**
   * Returns the ID the page's entries must be below: every ID for a null token.
   *
   * @throws IllegalArgumentException if the token is not one {@link #format} wrote
   */
  static long parse(String token) {
    if (token == null) {
      return Long.MAX_VALUE;
    }
    if (token.length() > 1 && token.charAt(0) == 'h') {
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
            + "' is not a history page token: pass the nextPageToken of the previous page");
  }
}
