package dev.weft.examples;

import dev.weft.assets.Assets;
import dev.weft.assets.FileIoManager;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.AppContext;
import dev.weft.engine.WeftApp;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.approval.ApprovalDemo;
import dev.weft.examples.approval.ApprovalWorkflow;
import dev.weft.examples.approval.ExpenseRequest;
import dev.weft.examples.assets.ExampleAssets;
import dev.weft.examples.assets.PartitionedExamples;
import dev.weft.examples.assets.PublishDailyReport;
import dev.weft.examples.assets.PublishDailyReportWorkflow;
import dev.weft.examples.assets.blocks.FakeChainNode;
import dev.weft.examples.assets.blocks.ReorgWorkflow;
import dev.weft.examples.assets.blocks.SimulatedReorg;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.catchup.CatchUpDemo;
import dev.weft.examples.catchup.CatchUpWorkflow;
import dev.weft.examples.greeting.GreetingApp;
import dev.weft.examples.greeting.GreetingWorkflow;
import dev.weft.examples.saga.Order;
import dev.weft.examples.saga.OrderSagaDemo;
import dev.weft.examples.saga.OrderWorkflow;
import dev.weft.examples.subscription.Subscription;
import dev.weft.examples.subscription.SubscriptionDemo;
import dev.weft.examples.subscription.SubscriptionWorkflow;
import dev.weft.examples.triggers.ChainMiner;
import dev.weft.examples.triggers.ExampleTriggers;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples as a {@link WeftApp}: the order saga, the subscription, the approval, the catch-up
 * and the greeting (whose activity a remote worker runs: {@code examples/python-worker}), on their
 * task queues, and the asset examples ({@link ExampleAssets}: {@code chain/*} and {@code
 * trades/*}), their values kept as JSON files under {@code assets} in the node's data directory
 * ({@code weft dev --data-dir DIR}: {@code DIR/assets}; {@link #DEFAULT_ASSETS_DIR} by default).
 * {@code weft dev} and {@code weft server} load it through {@link java.util.ServiceLoader}; on an
 * empty store {@code weft dev} also starts a few runs with {@link #startExamples}: two orders (one
 * ships, one is compensated), a subscription waiting a minute for its follow-up, an expense
 * approval waiting for a signal, and a greeting waiting for a remote worker; and once, while no
 * example asset was ever materialized, a materialization of every unpartitioned asset and the daily
 * report ({@link PublishDailyReport}), which waits for {@code chain/daily_volume} to be fresh, then
 * materializes {@code trades/daily_metrics} as its child; and once each, the partitioned examples
 * ({@link PartitionedExamples#forDev()}): January 2024 of the daily trades ({@code
 * trades/*_by_day}, the late file of 2024-01-17 failing that day) and blocks 0 to 999 of the
 * per-block chain assets ({@code chain/blocks_by_number}, {@code chain/transfers_by_block}, {@code
 * chain/enriched_by_block}). {@link ReorgWorkflow} (task queue {@code chain-node}) observes the
 * block hashes, re-organizes the last blocks of that chain and observes them again, on demand. The
 * triggers ({@link ExampleTriggers}): the schedule {@code trades-daily}, the sensor {@code
 * chain-height} (in {@code weft dev}, {@link #startExamples} also mines a block of the per-block
 * chain every {@link #MINE_EVERY}), the sensor {@code volume-report} (created paused; then one
 * report per new data version of {@code chain/daily_volume}) and, when {@code
 * WEFT_EXAMPLE_HOOK_SECRET} is set, the webhook {@code approve}.
 *
 * <p>An instance serves one engine: {@link #register} keeps the engine's {@link Assets} for {@link
 * #startExamples}.
 */
public final class ExamplesApp implements WeftApp {
  private static final Logger log = LoggerFactory.getLogger(ExamplesApp.class);

  /**
   * Where the asset examples keep their values unless told otherwise: {@code weft-data/assets} in
   * the working directory ({@code weft dev}'s default data directory).
   */
  public static final Path DEFAULT_ASSETS_DIR = Path.of("weft-data", "assets");

  /** The task queues the examples use. */
  public static final List<String> TASK_QUEUES =
      List.of(
          OrderWorkflow.TASK_QUEUE,
          SubscriptionWorkflow.TASK_QUEUE,
          ApprovalWorkflow.TASK_QUEUE,
          CatchUpWorkflow.TASK_QUEUE,
          GreetingWorkflow.TASK_QUEUE,
          PublishDailyReport.TASK_QUEUE,
          ReorgWorkflow.TASK_QUEUE);

  /** The approval {@code weft dev} leaves waiting for a signal. */
  public static final String WAITING_APPROVAL_ID =
      ExpenseRequest.of("exp-2001", "carol", "team offsite", 90_000, "dave", "erin").workflowId();

  /**
   * The greeting {@code weft dev} leaves waiting for a remote worker (its activity runs on {@link
   * GreetingWorkflow#REMOTE_QUEUE}, which only workers over HTTP serve: {@code
   * examples/python-worker}, {@code examples/node-worker}).
   */
  public static final String WAITING_GREETING_ID = "greeting-ada";

  /**
   * The environment variable that picks the code version of {@code trades/daily_metrics} the
   * no-argument constructor registers: {@code v1} (unset or empty) or {@code v2}. Restarting {@code
   * weft dev} with {@code v2} after a materialization with {@code v1} shows the asset stale with
   * the reason {@code CODE_VERSION_CHANGED}.
   */
  public static final String DAILY_METRICS_ENV = "WEFT_EXAMPLES_DAILY_METRICS";

  /**
   * How often {@code weft dev} mines a block of the per-block chain ({@link #startExamples} of the
   * no-argument constructor's app).
   */
  public static final Duration MINE_EVERY = Duration.ofSeconds(10);

  /** The runs that are not the engine's own ({@code __weft_*}): the example runs. */
  private static final String EXAMPLE_RUNS = "NOT WorkflowId STARTS_WITH '__weft_'";

  private final Path givenAssetsDir;
  private final DailyMetricsLogic metrics;
  private final PartitionedExamples partitioned;
  private final Duration mineEvery;
  private Path assetsDir;
  private Assets assets;
  private WeftEngine engine;
  private ExampleTriggers triggers;

  /**
   * The examples' app, the asset values under {@code assets} in the node's data directory ({@link
   * AppContext#dataDir()}; {@link #DEFAULT_ASSETS_DIR} when registered without a context), the
   * daily metrics' code version from {@link #DAILY_METRICS_ENV}.
   *
   * @throws IllegalArgumentException if {@link #DAILY_METRICS_ENV} names no code version
   */
  public ExamplesApp() {
    this.givenAssetsDir = null;
    this.metrics = metricsOf(System.getenv(DAILY_METRICS_ENV));
    this.partitioned = PartitionedExamples.forDev();
    this.mineEvery =
        null; // mining in weft dev pushed the browser tests' runs off the first page: off for now
  }

  private static DailyMetricsLogic metricsOf(String envValue) {
    try {
      return DailyMetricsLogic.forCodeVersion(envValue);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DAILY_METRICS_ENV + ": " + e.getMessage(), e);
    }
  }

  /** The examples' app, the asset values as JSON files under {@code assetsDir}, metrics V1. */
  public ExamplesApp(Path assetsDir) {
    this(assetsDir, DailyMetricsLogic.V1);
  }

  /**
   * The examples' app, the asset values as JSON files under {@code assetsDir} whatever the node,
   * {@code metrics} computing {@code trades/daily_metrics}.
   */
  public ExamplesApp(Path assetsDir, DailyMetricsLogic metrics) {
    this(assetsDir, metrics, PartitionedExamples.forDev());
  }

  /**
   * The examples' app, the asset values as JSON files under {@code assetsDir} whatever the node,
   * {@code metrics} computing {@code trades/daily_metrics}, the partitioned examples over {@code
   * partitioned}'s fakes; {@link #startExamples} mines no block (the chain grows when the caller
   * mines it).
   */
  public ExamplesApp(Path assetsDir, DailyMetricsLogic metrics, PartitionedExamples partitioned) {
    this.givenAssetsDir = assetsDir.toAbsolutePath().normalize();
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.partitioned = Objects.requireNonNull(partitioned, "partitioned");
    this.mineEvery = null;
  }

  /** Returns where the asset values are kept; null before {@link #register}. */
  public Path assetsDir() {
    return assetsDir;
  }

  @Override
  public String name() {
    return "examples";
  }

  @Override
  public void register(WeftEngine engine) {
    register(engine, AppContext.defaults());
  }

  /**
   * Returns the triggers (the schedule, the sensor and the webhook); null before {@link #register}.
   */
  public ExampleTriggers triggers() {
    return triggers;
  }

  /** Registers the examples; the asset values go under {@code assets} in the data directory. */
  @Override
  public void register(WeftEngine engine, AppContext context) {
    this.engine = engine;
    assetsDir =
        givenAssetsDir != null ? givenAssetsDir : context.dataDir().resolve("assets").normalize();
    // the demo parameters only shape the runs the demo itself starts
    new OrderSagaDemo().register(engine);
    new SubscriptionDemo(Duration.ofSeconds(1)).register(engine);
    new ApprovalDemo(Duration.ofSeconds(1)).register(engine);
    new CatchUpDemo(10_000, 1_000).register(engine);
    GreetingApp.register(engine);
    assets =
        ExampleAssets.register(
            engine,
            FileIoManager.json(assetsDir),
            FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED),
            metrics,
            partitioned);
    engine
        .newWorker(PublishDailyReport.TASK_QUEUE)
        .registerWorkflow(PublishDailyReport.class, PublishDailyReportWorkflow::new);
    engine
        .newWorker(ReorgWorkflow.TASK_QUEUE)
        .registerWorkflow(ReorgWorkflow.class, SimulatedReorg::new)
        .registerActivities(new FakeChainNode(partitioned.blocks(), assets.partitions()));
    triggers = ExampleTriggers.register(engine, assets, partitioned.blocks(), System::getenv);
  }

  /**
   * Starts the example runs, once: on a store that already has runs (other than the engine's own)
   * it starts none; then, if no example asset was ever materialized, starts a materialization of
   * every unpartitioned asset (not awaited) and the daily report ({@link
   * PublishDailyReport#WORKFLOW_ID}), which waits for it; and the partitioned examples' first
   * backfills ({@link PartitionedExamples#materializeIfNeverMaterialized}), each once; and (the
   * no-argument constructor's app) mines a block of the per-block chain every {@link #MINE_EVERY}
   * while the engine runs, for the sensor {@code chain-height}.
   */
  @Override
  public void startExamples(WeftClient client) {
    // the engine's own runs (the freshness watch the catalog starts at registration) do not count
    if (client.countWorkflows(WorkflowFilter.query(EXAMPLE_RUNS)) == 0) {
      startRuns(client);
    }
    if (assets != null) {
      ExampleAssets.materializeIfNeverMaterialized(assets)
          .ifPresent(
              run -> {
                log.info(
                    "materializing the example assets ({}), their values in {}",
                    run.workflowId(),
                    assetsDir);
                PublishDailyReport report =
                    client.newWorkflowStub(
                        PublishDailyReport.class,
                        options(PublishDailyReport.WORKFLOW_ID, PublishDailyReport.TASK_QUEUE));
                client.start(report::publish);
              });
      for (BackfillRecord backfill : partitioned.materializeIfNeverMaterialized(assets)) {
        log.info(
            "backfilling partitions of the partitioned examples: {} of {} ({})",
            backfill.partitionsJson(),
            backfill.selection(),
            backfill.backfillId());
      }
      if (mineEvery != null) {
        engine.addService(new ChainMiner(partitioned.blocks(), mineEvery));
      }
    }
  }

  private void startRuns(WeftClient client) {
    for (Order order :
        List.of(
            new Order("1001", "WEFT-MUG", 2, 2400, "Lisbon"),
            new Order("1002", "WEFT-MUG", 1, 1200, "Atlantis"))) {
      OrderWorkflow stub =
          client.newWorkflowStub(
              OrderWorkflow.class, options(order.workflowId(), OrderWorkflow.TASK_QUEUE));
      client.start(stub::process, order);
    }
    Subscription ada = new Subscription("ada@example.com", Duration.ofMinutes(1));
    SubscriptionWorkflow subscription =
        client.newWorkflowStub(
            SubscriptionWorkflow.class, options(ada.workflowId(), SubscriptionWorkflow.TASK_QUEUE));
    client.start(subscription::subscribe, ada);
    ExpenseRequest offsite =
        ExpenseRequest.of("exp-2001", "carol", "team offsite", 90_000, "dave", "erin");
    ApprovalWorkflow approval =
        client.newWorkflowStub(
            ApprovalWorkflow.class, options(offsite.workflowId(), ApprovalWorkflow.TASK_QUEUE));
    client.start(approval::requestApproval, offsite);
    GreetingWorkflow greeting =
        client.newWorkflowStub(
            GreetingWorkflow.class, options(WAITING_GREETING_ID, GreetingWorkflow.TASK_QUEUE));
    client.start(greeting::greet, "Ada", "fr");
  }

  private static WorkflowOptions options(String workflowId, String taskQueue) {
    return WorkflowOptions.newBuilder().workflowId(workflowId).taskQueue(taskQueue).build();
  }
}
