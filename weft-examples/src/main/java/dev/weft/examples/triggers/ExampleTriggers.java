package dev.weft.examples.triggers;

import dev.weft.assets.Assets;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.approval.ApprovalWorkflow;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.DailyTradeAssets;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.Sensors;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.WebhookDefinition;
import dev.weft.schedules.Webhooks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The examples' triggers, one of each kind, and a second sensor that watches an asset:
 *
 * <ul>
 *   <li>the schedule {@value #TRADES_DAILY}: every day at 01:00 UTC, materializes yesterday's
 *       partition of the daily trades ({@link DailyTradeAssets#SELECTION});
 *   <li>the sensor {@value #CHAIN_HEIGHT}: every second, reads the fake chain's height and ingests
 *       each new block once ({@link ChainHeightSensor});
 *   <li>the sensor {@value #VOLUME_REPORT}, created paused: once unpaused, it watches {@code
 *       chain/daily_volume} in the catalog and, on each new materialization of it (only then: no
 *       timer, no runs while the volume does not change), starts one {@link VolumeReport} per
 *       distinct data version of the volume ({@link VolumeReportSensor}). Paused, it holds no
 *       catalog wait and starts nothing, so {@code weft dev}'s first materialization of the
 *       examples adds no run beside the example runs; unpause it ({@code weft sensor unpause
 *       volume-report} or its page), then materialize {@code +chain/daily_volume};
 *   <li>the webhook {@value #APPROVE_HOOK}: a POST of {@code {"workflowId": "approval-exp-2001",
 *       "approver": "dave", "comment": "fine"}} signals {@code approve(approver, comment)} to that
 *       approval workflow. Its signing secret is read from {@value #HOOK_SECRET_ENV}, and the hook
 *       is only registered when that variable is set: {@code weft dev} runs without it, with no
 *       example hook (a hook whose secret nobody set could only answer 401).
 * </ul>
 *
 * <p>Each trigger fires exactly once per nominal fire time, block and delivery key: see {@code
 * dev.weft.schedules}.
 *
 * @param schedules the examples' schedules
 * @param sensors the examples' sensors
 * @param webhooks the examples' webhooks (none when {@value #HOOK_SECRET_ENV} is not set)
 */
public record ExampleTriggers(Schedules schedules, Sensors sensors, Webhooks webhooks) {
  /** The daily schedule of the trades. */
  public static final String TRADES_DAILY = "trades-daily";

  /** When {@value #TRADES_DAILY} fires: 01:00 every day, in UTC (the trades' days are UTC). */
  public static final String TRADES_DAILY_CRON = "0 1 * * *";

  /** The sensor of the fake chain's height. */
  public static final String CHAIN_HEIGHT = "chain-height";

  /** How often {@value #CHAIN_HEIGHT} looks at the chain. */
  public static final Duration CHAIN_HEIGHT_INTERVAL = Duration.ofSeconds(1);

  /** The sensor that reports each new daily volume of the chain. */
  public static final String VOLUME_REPORT = "volume-report";

  /**
   * The least time between two evaluations of {@value #VOLUME_REPORT}: materializations of the
   * volume within it make one evaluation.
   */
  public static final Duration VOLUME_REPORT_INTERVAL = Duration.ofSeconds(5);

  /** The webhook that approves a waiting approval. */
  public static final String APPROVE_HOOK = "approve";

  /**
   * The environment variable holding the signing secret of {@value #APPROVE_HOOK}; the hook is only
   * registered when it is set.
   */
  public static final String HOOK_SECRET_ENV = "WEFT_EXAMPLE_HOOK_SECRET";

  /** The signal {@value #APPROVE_HOOK} sends: {@link ApprovalWorkflow#approve}'s name. */
  public static final String APPROVE_SIGNAL = "approve";

  /** The name the examples' hooks are kept under in the store. */
  public static final String HOOK_SOURCE = "examples";

  /** Checks the parts. */
  public ExampleTriggers {
    Objects.requireNonNull(schedules, "schedules");
    Objects.requireNonNull(sensors, "sensors");
    Objects.requireNonNull(webhooks, "webhooks");
  }

  /**
   * Registers the triggers on {@code engine} (not started yet), with the worker of {@link
   * VolumeReport}: the schedules are created or updated when it starts, the sensors start with it,
   * the webhook (when {@code env} gives {@value #HOOK_SECRET_ENV}) is written to the store then.
   *
   * @param assets the examples' assets on that engine
   * @param blocks the chain of the per-block assets (the partitioned examples' chain)
   * @param env the environment ({@code System::getenv} on a node)
   */
  public static ExampleTriggers register(
      WeftEngine engine, Assets assets, FakeChain blocks, Function<String, String> env) {
    Schedules schedules = Schedules.builder(engine).schedule(tradesDaily()).build();
    engine.addService(new ScheduleStarts(schedules));
    Sensors sensors =
        Sensors.builder(engine)
            .sensor(
                SensorDefinition.of(
                    CHAIN_HEIGHT,
                    CHAIN_HEIGHT_INTERVAL,
                    new ChainHeightSensor(blocks, assets.partitions())))
            .sensor(volumeReport(assets))
            .build();
    engine
        .newWorker(VolumeReport.TASK_QUEUE)
        .registerWorkflow(VolumeReport.class, VolumeReportWorkflow::new);
    Webhooks.Builder hooks = Webhooks.builder(engine).source(HOOK_SOURCE);
    approveHook(env).ifPresent(hooks::hook);
    return new ExampleTriggers(schedules, sensors, hooks.build());
  }

  /**
   * The schedule {@value #TRADES_DAILY}: at {@value #TRADES_DAILY_CRON} UTC, the daily trades'
   * partition of the day before the fire time.
   */
  public static ScheduleDefinition tradesDaily() {
    return ScheduleDefinition.of(
            TRADES_DAILY,
            ScheduleSpec.cron(TRADES_DAILY_CRON).inZone("UTC"),
            new TriggerAction.Materialize(DailyTradeAssets.SELECTION, null, true))
        .withDescription("yesterday's partition of the daily trades, at 01:00 UTC");
  }

  /**
   * The sensor {@value #VOLUME_REPORT}, created paused (a later start keeps whatever state the user
   * left it in): watches {@code chain/daily_volume}, evaluated at most once every {@link
   * #VOLUME_REPORT_INTERVAL}, reading the volume's materialization from {@code assets}' catalog.
   */
  public static SensorDefinition volumeReport(Assets assets) {
    return SensorDefinition.of(
            VOLUME_REPORT, VOLUME_REPORT_INTERVAL, new VolumeReportSensor(assets))
        .watching(VolumeReportSensor.VOLUME)
        .paused();
  }

  /**
   * The webhook {@value #APPROVE_HOOK} when {@code env} gives {@value #HOOK_SECRET_ENV} a value,
   * else empty: it signals {@code approve} to the workflow at {@code /workflowId} of the body with
   * the arguments at {@code /approver} and {@code /comment}.
   */
  public static Optional<WebhookDefinition> approveHook(Function<String, String> env) {
    String secret = env.apply(HOOK_SECRET_ENV);
    if (secret == null || secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(approveHook());
  }

  /** The definition of {@value #APPROVE_HOOK}, whether or not its secret is set. */
  public static WebhookDefinition approveHook() {
    return WebhookDefinition.named(APPROVE_HOOK)
        .secretEnv(HOOK_SECRET_ENV)
        .signal(APPROVE_SIGNAL)
        .workflowIdFrom("/workflowId")
        .args("/approver", "/comment")
        .build();
  }
}
