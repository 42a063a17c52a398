package dev.weft.testing;

import dev.weft.engine.Worker;
import java.util.List;
import java.util.Map;

/**
 * What {@link WeftExtension} made for one test: the environment, a worker per task queue, and the
 * activity objects registered on them (in registration order). The extension closes the environment
 * after the test.
 */
record TestResources(
    WeftTestEnvironment env,
    String defaultQueue,
    Map<String, Worker> workers,
    List<Object> activities) {

  Worker defaultWorker() {
    return workers.get(defaultQueue);
  }
}
