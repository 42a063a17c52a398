package dev.weft.store.jdbc;

import dev.weft.store.RunField;
import dev.weft.store.RunOrder;
import dev.weft.store.RunQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a listing starts. In the default order (newest first) a keyset: the last
 * run's start time and ID ({@code <millis>:<runId>}); in any other order an offset and the order it
 * counts in ({@code offset:<n>:<order>}), so that a token is refused by a listing in another order.
 */
sealed interface PageToken {

  /** The position after a run, in the default order. */
  record Keyset(long startMillis, String runId) implements PageToken {
    @Override
    public String format() {
      return startMillis + ":" + runId;
    }
  }

  /**
   * The number of runs before the page, in a custom order.
   *
   * @param offset the number of runs before the page
   * @param order the {@link #orderKey} of the listing's order
   */
  record Offset(long offset, String order) implements PageToken {
    @Override
    public String format() {
      return OFFSET_PREFIX + offset + ":" + order;
    }
  }

  String OFFSET_PREFIX = "offset:";

  /** Returns the token as a string for {@code RunPage.nextPageToken}. */
  String format();

  /**
   * Returns a key of a query's order for offset tokens: equal for equal orders, different for
   * different ones (fields, types of attributes and directions), and free of {@code ':'}.
   */
  static String orderKey(RunQuery query) {
    StringBuilder key = new StringBuilder();
    for (RunOrder order : query.orderBy()) {
      // attribute names hold no backquote, so it separates the keys unambiguously
      key.append(
              switch (order.field()) {
                case RunField.BuiltIn b -> "b:" + b.name();
                case RunField.Attribute a -> "a:" + a.type().name() + ":" + a.name();
              })
          .append(order.ascending() ? ":asc" : ":desc")
          .append('`');
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses the page token of a query.
   *
   * @throws IllegalArgumentException if the token is malformed or belongs to a listing in another
   *     order
   */
  static PageToken parse(RunQuery query) {
    String token = query.pageToken();
    boolean keyset = query.hasDefaultOrder();
    try {
      if (token.startsWith(OFFSET_PREFIX)) {
        String rest = token.substring(OFFSET_PREFIX.length());
        int colon = rest.indexOf(':');
        if (keyset || colon < 1) {
          throw invalid(token, keyset);
        }
        long offset = Long.parseLong(rest.substring(0, colon));
        String order = rest.substring(colon + 1);
        if (offset < 1 || !order.equals(orderKey(query))) {
          throw invalid(token, keyset);
        }
        return new Offset(offset, order);
      }
      int colon = token.indexOf(':');
      if (colon < 1 || !keyset) {
        throw invalid(token, keyset);
      }
      return new Keyset(Long.parseLong(token.substring(0, colon)), token.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalid(token, keyset);
    }
  }

  private static IllegalArgumentException invalid(String token, boolean keyset) {
    return new IllegalArgumentException(
        "invalid page token '"
            + token
            + "' for a listing "
            + (keyset ? "in the default order" : "with this ORDER BY")
            + ": pass the nextPageToken of the previous page of the same query");
  }
}
