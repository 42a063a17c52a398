package dev.weft.schedules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * A deterministic delay for a firing: the same schedule ID and nominal time give the same delay on
 * every node and in every replay, while different schedules firing at the same nominal time spread
 * out.
 */
final class Jitter {
  private Jitter() {}

  /** Returns a delay in {@code [0, window)} at millisecond precision (zero for a window < 1 ms). */
  static Duration delay(String scheduleId, Instant nominal, Duration window) {
    long windowMillis = window.toMillis();
    if (windowMillis <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(Math.floorMod(hash(scheduleId + "@" + nominal), windowMillis));
  }

  private static long hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
