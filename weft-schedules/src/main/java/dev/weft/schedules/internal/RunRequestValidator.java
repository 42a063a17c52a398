package dev.weft.schedules.internal;

import dev.weft.schedules.RunRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the requests of one evaluation before any is started: a request that is null, has a blank
 * or repeated dedupe key, a key too long for a workflow ID, or no action makes the whole evaluation
 * an error naming the request's index and field.
 */
final class RunRequestValidator {
  /** The longest dedupe key (the derived workflow ID adds the sensor's name). */
  static final int MAX_KEY_LENGTH = 200;

  private RunRequestValidator() {}

  /** Returns what is wrong with {@code requests}, or empty if they may be started. */
  static Optional<String> problem(List<RunRequest> requests) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      RunRequest request = requests.get(i);
      String at = "request " + i;
      if (request == null) {
        return Optional.of(at + " is null: expected a RunRequest");
      }
      String key = request.dedupeKey();
      if (key == null || key.isBlank()) {
        return Optional.of(at + ": dedupeKey is '" + key + "': expected a non-blank key");
      }
      if (key.length() > MAX_KEY_LENGTH) {
        return Optional.of(
            at
                + ": dedupeKey is "
                + key.length()
                + " characters long: expected at most "
                + MAX_KEY_LENGTH);
      }
      if (!keys.add(key)) {
        return Optional.of(
            at + ": dedupeKey '" + key + "' is a duplicate: expected one request per key");
      }
      if (request.action() == null) {
        return Optional.of(at + " ('" + key + "'): action is null: expected a TriggerAction");
      }
    }
    return Optional.empty();
  }
}
