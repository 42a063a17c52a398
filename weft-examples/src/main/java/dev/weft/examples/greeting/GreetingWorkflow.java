package dev.weft.examples.greeting;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** Greets someone, with the greeting made by a remote worker. */
@WorkflowInterface
public interface GreetingWorkflow {
  /** The queue the workflow runs on (in-process). */
  String TASK_QUEUE = "greetings";

  /** The queue its activity runs on: served by remote workers over HTTP. */
  String REMOTE_QUEUE = "greetings-remote";

  /** Returns the greeting the remote worker made, framed by the workflow. */
  @WorkflowMethod
  String greet(String name, String language);
}
