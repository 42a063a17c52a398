package dev.weft.examples.temporal;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.Worker;
import dev.weft.testing.WeftTestEnvironment;

/**
 * The scaffolding every ported Temporal sample shares: a test engine on a SQLite file with time
 * skipping, one worker on the sample's task queue, and stubs with the sample's workflow ID. What a
 * Temporal sample does with {@code WorkflowServiceStubs}, {@code WorkerFactory} and {@code
 * WorkflowClient} in its {@code main} is these few lines in Weft.
 */
final class SampleEnvironment implements AutoCloseable {
  final WeftTestEnvironment env;
  final Worker worker;
  final String taskQueue;

  SampleEnvironment(String taskQueue) {
    this(taskQueue, true);
  }

  SampleEnvironment(String taskQueue, boolean timeSkipping) {
    this.taskQueue = taskQueue;
    env = WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(timeSkipping));
    worker = env.newWorker(taskQueue);
  }

  /** Starts the engine once the sample's workflows and activities are registered. */
  SampleEnvironment start() {
    env.start();
    return this;
  }

  WeftClient client() {
    return env.client();
  }

  /** A stub for a new run of {@code workflowInterface} with the sample's workflow ID. */
  <W> W newWorkflow(Class<W> workflowInterface, String workflowId) {
    return env.client()
        .newWorkflowStub(
            workflowInterface,
            WorkflowOptions.newBuilder().workflowId(workflowId).taskQueue(taskQueue).build());
  }

  @Override
  public void close() {
    env.close();
  }
}
