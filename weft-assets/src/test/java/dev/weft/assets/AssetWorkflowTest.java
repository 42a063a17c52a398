package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.history.EventAttributes;
import dev.weft.store.Batch;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.RecordObservation;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Workflows and assets meet, on a real store: a workflow materializes a selection as a child and
 * awaits it, waits durably until an asset is fresh or materialized after a point (also across an
 * engine restart, and for an observation recorded by another writer), and an asset compute starts a
 * workflow.
 */
class AssetWorkflowTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String APPS = "apps";

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final AtomicReference<String> head = new AtomicReference<>("hash-1");

  /** Materializes a selection as a child; returns what it got, or the exception it caught. */
  @WorkflowInterface
  public interface Materializing {
    @WorkflowMethod
    String run(String selection);
  }

  /** Materializes as a child and summarizes. */
  public static final class MaterializingWorkflow implements Materializing {
    @Override
    public String run(String selection) {
      try {
        MaterializationResult r = AssetWorkflow.materialize(selection).get();
        return r.workflowId() + " " + r.keys(AssetOutcome.Status.MATERIALIZED);
      } catch (UnknownAssetException e) {
        return "unknown " + e.keys() + ": " + e.getMessage();
      } catch (AssetSelectionSyntaxException e) {
        return "syntax at " + e.position() + ": " + e.getMessage();
      }
    }
  }

  /** Waits for an asset: mode {@code fresh} or {@code after} (materialized after now). */
  @WorkflowInterface
  public interface Waiting {
    @WorkflowMethod
    String run(String key, String mode, long timeoutMillis);
  }

  /** Waits and reports the result. */
  public static final class WaitingWorkflow implements Waiting {
    @Override
    public String run(String key, String mode, long timeoutMillis) {
      AssetKey k = AssetKey.of(key);
      AssetWaitResult r;
      if (mode.equals("fresh")) {
        r =
            timeoutMillis > 0
                ? AssetWorkflow.awaitFresh(k, Duration.ofMillis(timeoutMillis)).get()
                : AssetWorkflow.awaitFresh(k).get();
      } else {
        r = AssetWorkflow.awaitMaterialized(k, Workflow.now()).get();
      }
      return r.satisfied() + " " + r.status() + " " + r.dataVersion();
    }
  }

  /** Started by an asset compute. */
  @WorkflowInterface
  public interface Notified {
    @WorkflowMethod
    String run(String message);
  }

  /** Returns what it was told. */
  public static final class NotifiedWorkflow implements Notified {
    @Override
    public String run(String message) {
      return "notified: " + message;
    }
  }

  List<AssetsDefinition> definitions() {
    return List.of(
        Asset.observableSource("chain/head").observe(ctx -> DataVersion.of(head.get())),
        Asset.builder("chain/blocks")
            .codeVersion("v1")
            .deps("chain/head")
            .output(Integer.class)
            .compute(ctx -> 7),
        Asset.builder("chain/volume")
            .codeVersion("v1")
            .input("chain/blocks", Integer.class)
            .output(Integer.class)
            .compute(
                ctx -> {
                  int blocks = ctx.input("chain/blocks", Integer.class);
                  ctx.client()
                      .start(
                          "Notified",
                          WorkflowOptions.newBuilder()
                              .workflowId("notify-volume-" + blocks)
                              .taskQueue(APPS)
                              .build(),
                          "volume of " + blocks + " blocks");
                  return blocks * 10;
                }));
  }

  Assets start(TestStore kind) {
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("asset-workflows-test"),
        assets ->
            assets.definitions(definitions()).ioManager(IoManager.DEFAULT, new InMemoryIoManager()),
        engine -> {
          Worker worker = engine.newWorker(APPS);
          worker.registerWorkflow(Materializing.class, MaterializingWorkflow::new);
          worker.registerWorkflow(Waiting.class, WaitingWorkflow::new);
          worker.registerWorkflow(Notified.class, NotifiedWorkflow::new);
        });
  }

  WeftEngine engine() {
    return engines.last();
  }

  <T> WorkflowHandle<Object> startWorkflow(Class<T> type, String id, Object... args) {
    WorkflowOptions options = WorkflowOptions.newBuilder().workflowId(id).taskQueue(APPS).build();
    String workflowType = type.getSimpleName();
    return engine().client().start(workflowType, options, args);
  }

  int waiters() {
    return engine().store().extension(AssetCatalog.class).waiters(engine().namespace()).size();
  }

  String childOfType(String type) {
    return engine()
        .client()
        .listWorkflows(WorkflowFilter.query("WorkflowType = '" + type + "'"))
        .workflows()
        .getFirst()
        .workflowId();
  }

  void record(TestStore kind, String name, String workflowId) {
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, engine().client().getHandle(workflowId));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowMaterializesASelectionAsAChildAndAwaitsIt(TestStore kind) {
    Assets assets = start(kind);

    String result =
        (String) startWorkflow(Materializing.class, "publish-1", "+chain/volume").getResult(WAIT);

    assertThat(result).startsWith("__weft_materialize:").endsWith(" [chain/blocks, chain/volume]");
    String childId = result.substring(0, result.indexOf(' '));
    EventAttributes started =
        engine().client().getHandle(childId).fetchHistory().events().getFirst().attributes();
    assertThat(((EventAttributes.WorkflowStarted) started).parent().workflowId())
        .as("a child of the workflow")
        .isEqualTo("publish-1");
    assertThat(assets.status(AssetKey.of("chain/volume")).orElseThrow().status())
        .isEqualTo(AssetStatus.FRESH);
    assertThat(engine().client().getHandle("notify-volume-7").getResult(WAIT))
        .as("the compute started a workflow")
        .isEqualTo("notified: volume of 7 blocks");
    record(kind, "asset-workflow-materializes-child", "publish-1");
    record(kind, "materialize-planned-in-child", childId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void unknownKeysAndSyntaxErrorsFailThePromiseWithTheTypedException(TestStore kind) {
    start(kind);

    assertThat(
            startWorkflow(Materializing.class, "bad-1", "+chain/volum, chain/nope").getResult(WAIT))
        .isEqualTo(
            "unknown [chain/volum, chain/nope]: unknown assets chain/volum (did you mean"
                + " chain/volume?), chain/nope");
    assertThat((String) startWorkflow(Materializing.class, "bad-2", "chain/head =").getResult(WAIT))
        .startsWith("syntax at ");
    assertThat(engine().store().extension(AssetCatalog.class).states("default"))
        .as("nothing materialized")
        .hasSize(3)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(AssetStatus.MISSING));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowWaitsUntilAnAssetIsFreshWithoutPollingAndAcrossARestart(TestStore kind) {
    start(kind);
    WorkflowHandle<Object> waiting =
        startWorkflow(Waiting.class, "wait-fresh", "chain/volume", "fresh", 0L);
    await().atMost(WAIT).until(() -> waiters() == 1);
    String waitId = childOfType("__weft_await_asset");

    engine().close();
    Assets assets = start(kind);
    assertThat(waiters()).as("the waiter is in the store, not in memory").isEqualTo(1);
    assets.materialize("+chain/volume").await(WAIT);

    assertThat(engine().client().getHandle("wait-fresh").getResult(WAIT))
        .isEqualTo(
            "true FRESH " + assets.status(AssetKey.of("chain/volume")).orElseThrow().dataVersion());
    assertThat(waiters()).isZero();
    assertThat(waiting.workflowId()).isEqualTo("wait-fresh");
    record(kind, "asset-workflow-awaits-fresh", "wait-fresh");
    record(kind, "await-asset-fresh", waitId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFreshAssetAnswersAtOnceAndATimeoutEndsTheWaitUnsatisfied(TestStore kind) {
    Assets assets = start(kind);
    assets.materialize("chain/head").await(WAIT);

    assertThat(startWorkflow(Waiting.class, "fresh-now", "chain/head", "fresh", 0L).getResult(WAIT))
        .isEqualTo("true FRESH hash-1");
    assertThat(
            startWorkflow(Waiting.class, "never", "chain/blocks", "fresh", 1_500L).getResult(WAIT))
        .isEqualTo("false MISSING null");
    assertThat(waiters()).as("a timed-out waiter is forgotten").isZero();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anObservationRecordedByAnotherWriterWakesAWaitForANewerMaterialization(TestStore kind) {
    Assets assets = start(kind);
    assets.materialize("chain/head").await(WAIT);
    startWorkflow(Waiting.class, "wait-head", "chain/head", "after", 0L);
    await().atMost(WAIT).until(() -> waiters() == 1);

    engine()
        .store()
        .commit(
            Batch.of(
                new RecordObservation(
                    engine().namespace(), "chain/head", "", "hash-2", null, Instant.now())))
        .join();

    assertThat(engine().client().getHandle("wait-head").getResult(WAIT))
        .isEqualTo("true FRESH hash-2");
    assertThat(waiters()).isZero();
  }
}
