package dev.weft.examples.assets.chain;

import java.util.Map;
import java.util.TreeMap;

/**
 * The value of {@code chain/token_prices}: a USD price per token.
 *
 * @param usdCents the price of one token, in US cents, by token
 */
public record TokenPrices(Map<String, Long> usdCents) {
  /** Copies the prices, sorted by token. */
  public TokenPrices {
    usdCents = new TreeMap<>(usdCents);
  }

  /**
   * Returns the price of one token, in cents.
   *
   * @throws IllegalArgumentException naming a token without a price
   */
  public long of(String token) {
    Long price = usdCents.get(token);
    if (price == null) {
      throw new IllegalArgumentException(
          "no USD price of token " + token + " (priced: " + usdCents.keySet() + ")");
    }
    return price;
  }
}
