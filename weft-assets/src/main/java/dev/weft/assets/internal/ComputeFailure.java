package dev.weft.assets.internal;

import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;

/**
 * Why a compute activity (a step or a chunk) failed, as the workflow records it: the application
 * failure's type and message, else {@code ActivityFailure} and the failure's cause's message.
 *
 * @param type the failure type
 * @param message the message
 */
record ComputeFailure(String type, String message) {

  /** The failure {@code failure} reports. */
  static ComputeFailure of(ActivityFailure failure) {
    String type =
        failure.getCause() instanceof ApplicationFailure app ? app.getType() : "ActivityFailure";
    String message =
        failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
    return new ComputeFailure(type, message);
  }
}
