package dev.weft.assets.automation;

import static dev.weft.assets.automation.AutomationCondition.eager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FileIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.Planner;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.Store;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.automation.AcquireAutomationLease;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.automation.RecordAutomationEvaluations;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once automation with several nodes on one PostgreSQL: two engines evaluate the same
 * namespace (one holds the lease at a time) while upstream materializations land on both, and a
 * node that died between starting a run and moving its cursor is taken over without firing twice.
 */
class AutomationClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(500);

  @TempDir Path dir;
  @TempDir Path data;
  private final List<WeftEngine> engines = new ArrayList<>();
  private final AtomicInteger blocks = new AtomicInteger();

  @AfterEach
  void closeEngines() {
    engines.forEach(WeftEngine::close);
  }

  List<AssetsDefinition> definitions() {
    return List.of(
        Asset.builder("raw/blocks").output(Integer.class).compute(ctx -> blocks.incrementAndGet()),
        Asset.builder("clean/blocks")
            .input("raw/blocks", Integer.class)
            .output(Integer.class)
            .automation(eager())
            .compute(ctx -> ctx.input("raw/blocks", Integer.class) * 10));
  }

  Assets node(String name) {
    WeftEngine engine =
        WeftEngine.builder().store(TestStore.POSTGRES.open(dir)).nodeId(name).build();
    engines.add(engine);
    Assets assets =
        Assets.builder(engine)
            .definitions(definitions())
            .ioManager(IoManager.DEFAULT, FileIoManager.json(data))
            .automationTiming(LEASE, POLL)
            .build();
    engine.start();
    return assets;
  }

  Store store() {
    return engines.getFirst().store();
  }

  AutomationLog log() {
    return store().extension(AutomationLog.class);
  }

  List<String> automatedWorkflowIds() {
    return engines
        .getFirst()
        .client()
        .listWorkflows(WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_auto:clean/blocks:'"))
        .workflows()
        .stream()
        .map(r -> r.workflowId())
        .toList();
  }

  long lastChange() {
    List<AssetChangeRecord> all = log().changesAfter("default", 0, 10_000);
    return all.isEmpty() ? 0 : all.getLast().seq();
  }

  boolean settled() {
    long cursor = log().cursor("default", "default").map(c -> c.cursor()).orElse(0L);
    boolean running =
        engines
                .getFirst()
                .client()
                .countWorkflows(
                    WorkflowFilter.query(
                        "WorkflowId STARTS_WITH '__weft_auto:' AND ExecutionStatus = 'Running'"))
            > 0;
    return cursor == lastChange() && !running;
  }

  List<AutomationEvaluationRecord> evaluations() {
    return log().evaluations("default", "clean/blocks", null, 10_000).evaluations();
  }

  @Test
  void twoNodesStartEachDownstreamRunExactlyOnce() {
    Assets a = node("node-a");
    Assets b = node("node-b");
    int materializations = 40;
    for (int i = 0; i < materializations; i++) {
      (i % 2 == 0 ? a : b).materialize("raw/blocks").await(WAIT);
    }
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(this::settled);

    List<AutomationEvaluationRecord> fired =
        evaluations().stream().filter(AutomationEvaluationRecord::fired).toList();
    List<String> ids = automatedWorkflowIds();
    assertThat(fired).isNotEmpty();
    assertThat(ids).doesNotHaveDuplicates().hasSameSizeAs(fired);
    assertThat(fired)
        .extracting(AutomationEvaluationRecord::workflowId)
        .containsExactlyInAnyOrderElementsOf(ids);
    Set<String> runIds = new HashSet<>();
    for (AutomationEvaluationRecord e : fired) {
      assertThat(runIds.add(e.runId())).as("run %s recorded once", e.runId()).isTrue();
      assertThat(store().findRun(e.runId())).isPresent();
    }
    // the evaluations of clean/blocks cover disjoint change ranges (from, to]: no trigger
    // evaluated twice; a re-evaluation once a waited-for run closed is the empty range (c, c], so
    // ties on the end sort by the start
    List<AutomationEvaluationRecord> all =
        evaluations().stream()
            .sorted(
                Comparator.comparingLong(AutomationEvaluationRecord::toSeq)
                    .thenComparingLong(AutomationEvaluationRecord::fromSeq))
            .toList();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).fromSeq()).isGreaterThanOrEqualTo(all.get(i - 1).toSeq());
    }
    // nothing lost: the last automated run read the last upstream value
    assertThat(a.status(AssetKey.of("clean/blocks")).orElseThrow().current().inputDataVersions())
        .containsEntry(
            "raw/blocks", a.status(AssetKey.of("raw/blocks")).orElseThrow().dataVersion());
  }

  @Test
  void aNodeKilledAfterStartingARunIsTakenOverWithoutFiringTwice() {
    // a node that died: it held the lease, started clean/blocks's run with its evaluation record
    // (one transaction), and died before it moved the cursor past the change
    Assets first = node("node-a");
    first.materialize("raw/blocks").await(WAIT);
    await().atMost(WAIT).until(this::settled);
    int runsBefore = automatedWorkflowIds().size();
    engines.removeFirst().close();

    WeftEngine survivorEngine =
        WeftEngine.builder().store(TestStore.POSTGRES.open(dir)).nodeId("tools").build();
    engines.add(survivorEngine);
    // past node-a's lease, which it did not give back when it closed
    Instant now = Clock.systemUTC().instant().plus(LEASE).plusSeconds(1);
    long cursor = log().cursor("default", "default").orElseThrow().cursor();
    assertThat(
            store()
                .commit(
                    Batch.of(
                        new AcquireAutomationLease(
                            "default", "default", "dead-node", now, now.plus(LEASE))))
                .join()
                .committed())
        .as("node-a's lease expired")
        .isTrue();
    // an upstream materialization lands while the dead node holds the lease
    long before = lastChange();
    Instant t = Clock.systemUTC().instant();
    assertThat(
            store()
                .commit(
                    Batch.of(
                        new RecordMaterialization(
                            "default",
                            new MaterializationRecord(
                                "raw/blocks",
                                "",
                                "run-elsewhere",
                                "external-version",
                                null,
                                Map.of(),
                                null,
                                t,
                                t))))
                .join()
                .committed())
        .isTrue();
    long to = lastChange();
    assertThat(to).isGreaterThan(before);
    // the dead node's last act: the run and its evaluation, no cursor move
    String workflowId = "__weft_auto:clean/blocks:" + to;
    Optional<String> started =
        survivorEngine.startWithWrites(
            MaterializeWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .workflowId(workflowId)
                .taskQueue(MaterializeWorkflow.taskQueue("default"))
                .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                .build(),
            runId ->
                List.of(
                    new RecordAutomationEvaluations(
                        "default",
                        "default",
                        "dead-node",
                        cursor,
                        cursor,
                        List.of(
                            new AutomationEvaluationRecord(
                                0,
                                "clean/blocks",
                                "eager()",
                                true,
                                "eager(): raw/blocks updated since the last run",
                                "{[0, 1)}",
                                workflowId,
                                runId,
                                cursor,
                                to,
                                now)),
                        now)),
            Planner.plan("clean/blocks", first.graph(), Set.of(AssetKey.of("clean/blocks"))));
    assertThat(started).isPresent();

    Assets survivor = node("node-b");
    await().atMost(WAIT).until(this::settled);

    assertThat(automatedWorkflowIds()).doesNotHaveDuplicates().hasSize(runsBefore + 1);
    assertThat(log().cursor("default", "default").orElseThrow().owner()).isNotEqualTo("dead-node");
    assertThat(evaluations().stream().filter(AutomationEvaluationRecord::fired).count())
        .isEqualTo(runsBefore + 1);

    // nothing lost either: the next upstream materialization fires on the survivor
    survivor.materialize("raw/blocks").await(WAIT);
    await().atMost(WAIT).until(() -> automatedWorkflowIds().size() == runsBefore + 2 && settled());
    assertThat(engines.getFirst().client().getHandle(workflowId).describe().status())
        .isEqualTo(WorkflowStatus.COMPLETED);
  }
}
