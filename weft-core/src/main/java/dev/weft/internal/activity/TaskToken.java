package dev.weft.internal.activity;

import dev.weft.failure.ActivityNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The task token of an activity attempt: which activity of which run, and the attempt's lease
 * token, so that a late completion of an attempt that timed out (and was retried) is refused.
 *
 * @param runId the run
 * @param seq the run's sequence number of the activity
 * @param leaseToken the attempt's lease token
 */
public record TaskToken(String runId, long seq, long leaseToken) {

  /** Returns the opaque string form of a token. */
  public static String of(String runId, long seq, long leaseToken) {
    String raw = runId + "|" + seq + "|" + leaseToken;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a token made by {@link #of}.
   *
   * @throws ActivityNotFoundException if the text is not a Weft task token
   */
  public static TaskToken parse(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|");
      if (parts.length != 3) {
        throw new IllegalArgumentException("expected 3 parts");
      }
      return new TaskToken(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new ActivityNotFoundException(token, "it is not a Weft activity task token");
    }
  }
}
