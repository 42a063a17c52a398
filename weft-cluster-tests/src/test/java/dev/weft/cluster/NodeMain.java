package dev.weft.cluster;

import dev.weft.engine.WeftEngine;
import dev.weft.schedules.Schedules;
import dev.weft.store.postgres.PostgresStore;
import dev.weft.store.postgres.PostgresStoreOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One Weft node, run as a child JVM by {@link NodeProcess}: an engine on the shared PostgreSQL
 * store serving the cluster's queue with {@link PipelineWorkflowImpl} and {@link JournaledStep}. It
 * prints {@code READY <node>} once its workers run, and exits when its standard input closes (the
 * test JVM ended it or died), so no node outlives its test.
 *
 * <p>Arguments: {@code <jdbc url> <schema> <node id> <directory for the journal>}. With the system
 * property {@value ClusterTriggers#PROPERTY} (a number of schedules), the node also defines the
 * {@link ClusterTriggers} schedules and sensor and creates the schedules before it says {@code
 * READY}.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws IOException {
    String url = args[0];
    String schema = args[1];
    String nodeId = args[2];
    Path directory = Path.of(args[3]);
    ExecutionJournal journal = new ExecutionJournal(directory, nodeId);
    WeftEngine engine =
        WeftEngine.builder()
            .store(PostgresStore.open(PostgresStoreOptions.of(url).schema(schema).nodeId(nodeId)))
            .nodeId(nodeId)
            .workflowTaskLease(ClusterSettings.WORKFLOW_TASK_LEASE)
            .build();
    engine
        .newWorker(ClusterSettings.QUEUE)
        .registerWorkflow(PipelineWorkflow.class, PipelineWorkflowImpl::new)
        .registerActivities(new JournaledStep(journal, nodeId));
    int schedules = Integer.getInteger(ClusterTriggers.PROPERTY, 0);
    Schedules triggers = schedules > 0 ? ClusterTriggers.define(engine, schedules) : null;
    engine.start();
    if (triggers != null) {
      triggers.ensureStarted();
    }
    System.out.println("READY " + nodeId);
    System.out.flush();
    while (System.in.read() != -1) {
      // the parent never writes; end of input means it is gone
    }
    engine.close();
    journal.close();
  }
}
