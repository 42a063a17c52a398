package dev.weft.examples.temporal.polling;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** A workflow that returns what the polled service finally answered. */
@WorkflowInterface
public interface PollingWorkflow {
  @WorkflowMethod
  String exec();
}
