package dev.weft.examples.catchup;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * The catch-up part of the demo: blocks 0 to 9,999 of a simulated chain in batches of 1,000, one
 * run per batch chained by continue-as-new. Prints the runs and what the store holds.
 */
public final class CatchUpDemo {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final BlockStore store = new InMemoryBlockStore();
  private final long blocks;
  private final int batchSize;

  /** Creates the demo over blocks {@code [0, blocks)} in batches of {@code batchSize}. */
  public CatchUpDemo(long blocks, int batchSize) {
    this.blocks = blocks;
    this.batchSize = batchSize;
  }

  /** Registers the workflow and its activities on the engine (before it starts). */
  public void register(WeftEngine engine) {
    engine
        .newWorker(CatchUpWorkflow.TASK_QUEUE)
        .registerWorkflow(CatchUpWorkflow.class, BlockCatchUp::new)
        .registerActivities(new ChainIngestion(new SimulatedChain("demo-chain"), store));
  }

  /**
   * Runs the catch-up to the end and prints what happened.
   *
   * @throws java.util.concurrent.CompletionException if it does not finish in 60 s
   */
  public void run(WeftClient client, PrintStream out) {
    out.println("Catch-up: ingest a range of blocks one batch per run, continuing as new,");
    out.println("          into a store keyed by block number (a retry stores nothing twice)");
    CatchUpCursor cursor = CatchUpCursor.start(0, blocks, batchSize);
    CatchUpWorkflow stub =
        client.newWorkflowStub(
            CatchUpWorkflow.class,
            WorkflowOptions.newBuilder()
                .workflowId(cursor.workflowId())
                .taskQueue(CatchUpWorkflow.TASK_QUEUE)
                .build());
    WorkflowHandle<CatchUpResult> handle = client.start(stub::catchUp, cursor);
    out.printf(
        "  workflow %s: blocks %,d to %,d, %,d per run%n",
        handle.workflowId(), cursor.from(), cursor.to() - 1, batchSize);
    CatchUpResult result = handle.getResult(TIMEOUT);
    List<WorkflowDescription> runs =
        CatchUpRuns.follow(client, handle.workflowId(), handle.runId());
    printRun(runs, 0, out);
    if (runs.size() > 2) {
      out.printf("    ...      %d more runs%n", runs.size() - 2);
    }
    if (runs.size() > 1) {
      printRun(runs, runs.size() - 1, out);
    }
    LongSummaryStatistics events =
        runs.stream().mapToLong(WorkflowDescription::historyLength).summaryStatistics();
    String length =
        events.getMin() == events.getMax()
            ? String.valueOf(events.getMax())
            : events.getMin() + " to " + events.getMax();
    out.printf(
        "    -> %,d blocks in %d runs of %s history events each;%n"
            + "       store holds %,d blocks, %d duplicate writes skipped%n",
        result.blocks(), result.runs(), length, store.size(), store.duplicatesSkipped());
  }

  private void printRun(List<WorkflowDescription> runs, int index, PrintStream out) {
    long first = index * (long) batchSize;
    out.printf(
        "    run %-4d blocks %,d to %,d: %s, %d history events%n",
        index + 1,
        first,
        Math.min(blocks, first + batchSize) - 1,
        runs.get(index).status(),
        runs.get(index).historyLength());
  }
}
