package dev.weft.server.api.hooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Weft-Signature} header of a webhook request: {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the raw body under the hook's secret, compared in constant time.
 */
final class HookSignature {
  /** The header that carries the signature. */
  static final String HEADER = "X-Weft-Signature";

  private static final String PREFIX = "sha256=";

  private HookSignature() {}

  /**
   * Returns why {@code header} does not sign {@code body} with {@code secret}; empty if it does.
   * The reason never holds the secret or the expected signature.
   */
  static Optional<String> refusal(String header, byte[] body, String secret) {
    if (header == null || header.isBlank()) {
      return Optional.of("the request has no " + HEADER + " header");
    }
    if (!header.startsWith(PREFIX)) {
      return Optional.of(HEADER + " does not start with '" + PREFIX + "'");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
    } catch (IllegalArgumentException e) {
      return Optional.of(HEADER + " is not '" + PREFIX + "' and hexadecimal digits");
    }
    if (!MessageDigest.isEqual(hmac(secret, body), given)) {
      return Optional.of(HEADER + " does not match the body signed with the hook's secret");
    }
    return Optional.empty();
  }

  /** The HMAC-SHA256 of {@code body} under {@code secret}. */
  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
    }
  }
}
