package dev.weft.internal.step;

import dev.weft.converter.Payload;
import dev.weft.history.Failure;

/**
 * How an update request ended, as the store keeps it for the waiting client.
 *
 * @param status COMPLETED, FAILED (the handler threw a failure) or REJECTED (the validator refused,
 *     or the workflow has no such update)
 * @param result the handler's result, if it completed
 * @param failure the failure or the reason for the rejection, otherwise
 */
public record UpdateOutcome(String status, Payload result, Failure failure) {
  /** The handler returned. */
  public static final String COMPLETED = "COMPLETED";

  /** The handler threw a failure. */
  public static final String FAILED = "FAILED";

  /** The validator refused the request. */
  public static final String REJECTED = "REJECTED";
}
