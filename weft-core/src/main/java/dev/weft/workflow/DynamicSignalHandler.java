package dev.weft.workflow;

import dev.weft.converter.EncodedValues;

/**
 * Handles every signal the workflow interface does not declare, registered with {@link
 * Workflow#registerListener}. Signals that arrived before it was registered (signal-with-start,
 * say) are handed to it when it is, in arrival order. Runs as workflow code, like a signal method.
 */
@FunctionalInterface
public interface DynamicSignalHandler {

  /** Handles a signal. */
  void handle(String signalName, EncodedValues args);
}
