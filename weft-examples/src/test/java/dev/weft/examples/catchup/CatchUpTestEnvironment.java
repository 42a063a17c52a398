package dev.weft.examples.catchup;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.testing.WeftTestEnvironment;
import java.nio.file.Path;

/**
 * A test engine serving the catch-up with a node and a block store. With a folder, its store file
 * stays there, so a second environment on the same folder is the same engine after a restart.
 */
final class CatchUpTestEnvironment implements AutoCloseable {
  final WeftTestEnvironment env;

  CatchUpTestEnvironment(Path dir, BlockSource node, BlockStore store) {
    WeftTestEnvironment.Options options = WeftTestEnvironment.options();
    if (dir != null) {
      options.directory(dir);
    }
    env = WeftTestEnvironment.create(options);
    env.newWorker(CatchUpWorkflow.TASK_QUEUE)
        .registerWorkflow(CatchUpWorkflow.class, BlockCatchUp::new)
        .registerActivities(new ChainIngestion(node, store));
    env.start();
  }

  WorkflowHandle<CatchUpResult> start(CatchUpCursor cursor) {
    CatchUpWorkflow stub =
        client()
            .newWorkflowStub(
                CatchUpWorkflow.class,
                WorkflowOptions.newBuilder()
                    .workflowId(cursor.workflowId())
                    .taskQueue(CatchUpWorkflow.TASK_QUEUE)
                    .build());
    return client().start(stub::catchUp, cursor);
  }

  WeftClient client() {
    return env.client();
  }

  @Override
  public void close() {
    env.close();
  }
}
