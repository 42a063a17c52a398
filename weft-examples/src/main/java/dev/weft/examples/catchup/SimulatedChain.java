package dev.weft.examples.catchup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link BlockSource} that makes blocks up: block {@code n}'s hash is the SHA-256 of {@code
 * chainId:n}, so the same number always gives the same block. Thread-safe.
 */
public final class SimulatedChain implements BlockSource {
  private final String chainId;

  /** Creates a chain; its hashes depend on {@code chainId}. */
  public SimulatedChain(String chainId) {
    this.chainId = chainId;
  }

  @Override
  public Block fetch(long number) {
    return new Block(number, hash(chainId + ":" + number));
  }

  private static String hash(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
