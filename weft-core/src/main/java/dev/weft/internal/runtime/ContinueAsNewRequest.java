package dev.weft.internal.runtime;

import dev.weft.converter.Payload;

/**
 * Unwinds the workflow code that called {@code Workflow.continueAsNew}: an {@link Error}, so that
 * workflow code catching {@code Exception} does not swallow it; the engine turns it into the run's
 * closing command.
 */
final class ContinueAsNewRequest extends Error {
  final transient Payload input;

  ContinueAsNewRequest(Payload input) {
    super("continue as new", null, false, false);
    this.input = input;
  }
}
