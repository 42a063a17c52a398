package dev.weft.examples.greeting;

import dev.weft.engine.WeftEngine;

/**
 * Registers the greeting workflow; its activity needs no registration (a remote worker runs it).
 */
public final class GreetingApp {
  private GreetingApp() {}

  /** Registers {@link RemoteGreeting} on {@link GreetingWorkflow#TASK_QUEUE}. */
  public static void register(WeftEngine engine) {
    engine
        .newWorker(GreetingWorkflow.TASK_QUEUE)
        .registerWorkflow(GreetingWorkflow.class, RemoteGreeting::new);
  }
}
