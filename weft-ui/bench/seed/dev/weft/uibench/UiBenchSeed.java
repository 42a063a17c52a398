package dev.weft.uibench;

import dev.weft.assets.AssetOutcome;
import dev.weft.assets.MaterializationResult;
import dev.weft.client.WeftClient;
import dev.weft.common.WorkflowStatus;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds a fresh SQLite store for the browser benchmark through the engine, in-process: {@code runs}
 * order runs (most completed, one in 25 failed, one in 50 left running) and one {@link
 * LongHistory} run of about {@code events} events that stays running, and the 1,000-asset graph of
 * {@link UiBenchAssets} registered and materialized once (all fresh), then the 10,000,000-partition
 * asset of {@link UiBenchPartitions} in its own namespace. Prints one JSON line: the long run's
 * IDs, the counts and the seconds it took.
 *
 * <p>Usage: {@code java -cp weft.jar:CLASSES dev.weft.uibench.UiBenchSeed FILE RUNS EVENTS}
 */
public final class UiBenchSeed {
  private static final int STARTERS = 8;

  private UiBenchSeed() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    int events = Integer.parseInt(args[2]);
    long began = System.nanoTime();
    String result;
    try (WeftEngine engine =
        WeftEngine.builder()
            .store(SqliteStore.open(file))
            .nodeId("ui-bench-seed")
            .build()) {
      // the long run passes HistoryLimits' default warning (10,240 events), not its limit (51,200)
      UiBenchApp app = new UiBenchApp();
      app.register(engine);
      engine.start();
      WeftClient client = engine.client();
      WorkflowHandle<Object> longRun =
          client.start(
              "LongHistory",
              WorkflowOptions.newBuilder()
                  .workflowId("long-history")
                  .taskQueue(UiBenchApp.QUEUE)
                  .build(),
              events);
      int running = startOrders(client, runs);
      long waited = awaitSettled(client, running + 1, runs + 1);
      while (longRun.describe().historyLength() < events) {
        Thread.sleep(200);
      }
      // after the runs settled: the materialization's run is one more completed run
      MaterializationResult materialized = app.assets().materialize("*").await();
      int assets = materialized.keys(AssetOutcome.Status.MATERIALIZED).size();
      if (assets != UiBenchAssets.ASSETS) {
        throw new IllegalStateException(
            "only " + assets + " of " + UiBenchAssets.ASSETS + " assets materialized: " + materialized);
      }
      result =
          String.format(
              Locale.ROOT,
              "\"workflowId\":\"long-history\",\"runId\":\"%s\",\"historyLength\":%d,"
                  + "\"runs\":%d,\"running\":%d,\"settleChecks\":%d,"
                  + "\"assets\":%d,\"assetLayers\":%d",
              longRun.runId(),
              longRun.describe().historyLength(),
              runs + 1,
              running + 1,
              waited,
              assets,
              UiBenchAssets.LAYERS);
    }
    // the partitioned asset, in its own namespace, by a second engine on the same file
    UiBenchPartitions.seed(file);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "{%s,\"seedSeconds\":%.1f,\"partitionsNamespace\":\"%s\",\"partitionedAsset\":\"%s\","
            + "\"partitions\":%d}%n",
        result,
        seconds,
        UiBenchPartitions.NAMESPACE,
        UiBenchPartitions.ASSET,
        UiBenchPartitions.PARTITIONS);
  }

  /** Starts the order runs from a few threads; returns how many stay running. */
  private static int startOrders(WeftClient client, int runs) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(STARTERS);
    for (int t = 0; t < STARTERS; t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
              int outcome =
                  i % 50 == 7 ? OrderWorkflow.WAIT : i % 25 == 3 ? OrderWorkflow.FAIL : OrderWorkflow.COMPLETE;
              if (outcome == OrderWorkflow.WAIT) {
                running.incrementAndGet();
              }
              client.start(
                  "OrderWorkflow",
                  WorkflowOptions.newBuilder()
                      .workflowId(String.format(Locale.ROOT, "order-%06d", i))
                      .taskQueue(UiBenchApp.QUEUE)
                      .build(),
                  outcome);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the runs were not started in 30 minutes");
    }
    return running.get();
  }

  /** Waits until only the runs that stay running are running; returns how often it looked. */
  private static long awaitSettled(WeftClient client, int running, int total)
      throws InterruptedException {
    long checks = 0;
    while (true) {
      checks++;
      long now = client.countWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING));
      long all = client.countWorkflows(WorkflowFilter.all());
      if (now <= running && all >= total) {
        return checks;
      }
      Thread.sleep(250);
    }
  }
}
