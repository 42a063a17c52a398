package dev.weft.engine;

import java.util.Objects;

/**
 * How a remote activity attempt failed, as its worker reports it: recorded like an {@link
 * dev.weft.failure.ApplicationFailure} thrown by an in-process activity, so the activity's retry
 * policy decides whether another attempt follows ({@code nonRetryable}, or a {@code type} listed in
 * the policy's non-retryable types, ends it at once).
 *
 * @param type the failure type (an error class name, for instance), matched against the retry
 *     policy's non-retryable types; not blank
 * @param message what went wrong
 * @param details more about it as text (a stack trace, JSON details), kept with the failure; may be
 *     empty
 * @param nonRetryable whether no further attempt may follow
 */
public record RemoteActivityFailure(
    String type, String message, String details, boolean nonRetryable) {

  /** Validates the record. */
  public RemoteActivityFailure {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("failure type must not be blank");
    }
    message = message == null ? "" : message;
    details = details == null ? "" : details;
  }
}
