package dev.weft.internal.runtime;

import dev.weft.converter.Payload;
import java.time.Duration;

/**
 * Unwinds the workflow code that called {@code Workflow.continueAsNew}: an {@link Error}, so that
 * workflow code catching {@code Exception} does not swallow it; the engine turns it into the run's
 * closing command.
 */
final class ContinueAsNewRequest extends Error {
  final transient Payload input;
  final String workflowType;
  final String taskQueue;
  final transient Duration runTimeout;

  /**
   * @param workflowType the new run's type, or null for this run's
   * @param taskQueue the new run's queue, or null for this run's
   * @param runTimeout the new run's run timeout, or null for this run's
   */
  ContinueAsNewRequest(Payload input, String workflowType, String taskQueue, Duration runTimeout) {
    super("continue as new", null, false, false);
    this.input = input;
    this.workflowType = workflowType;
    this.taskQueue = taskQueue;
    this.runTimeout = runTimeout;
  }
}
