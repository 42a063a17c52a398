package dev.weft.workflow;

import dev.weft.converter.EncodedValues;

/**
 * Handles every update the workflow interface does not declare, registered with {@link
 * Workflow#registerListener}: {@link #handleValidate} like an {@link UpdateValidatorMethod} (throw
 * to reject; it must not change state or block), {@link #handleExecute} like an {@link
 * UpdateMethod}. An update that arrives before the handler is registered is rejected.
 */
public interface DynamicUpdateHandler {

  /** Validates an update; throwing rejects it. Accepts everything unless overridden. */
  default void handleValidate(String updateName, EncodedValues args) {}

  /** Runs an accepted update; the result is encoded with the data converter. */
  Object handleExecute(String updateName, EncodedValues args);
}
