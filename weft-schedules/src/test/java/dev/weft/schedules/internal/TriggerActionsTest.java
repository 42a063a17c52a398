package dev.weft.schedules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.ApplicationFailure;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerOutcome;
import dev.weft.schedules.TriggerResult;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link TriggerActions}: each action runs once per derived ID, a repeated run reports the run that
 * exists, and a signal to a missing workflow is a non-retryable failure naming it.
 */
class TriggerActionsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant FIRE = Instant.parse("2024-01-02T00:00:00Z");

  @TempDir Path dir;

  private WeftEngine engine(TestStore store, Set<String> computed) {
    WeftEngine engine = WeftEngine.builder().store(store.open(dir)).build();
    Assets.builder(engine)
        .definitions(
            List.of(
                Asset.builder("market/report")
                    .output(Integer.class)
                    .compute(
                        ctx -> {
                          computed.add("report");
                          return 1;
                        }),
                Asset.builder("market/prices")
                    .partitions(
                        TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC))
                    .output(Integer.class)
                    .compute(
                        ctx -> {
                          computed.add("prices " + ctx.partitionKey());
                          return 2;
                        })))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();
    engine.newWorker(Approval.QUEUE).registerWorkflow(Approval.class, WaitingApproval::new);
    // schedules, sensors and webhooks each ask for the worker: one is created
    assertThat(TriggerWorkers.register(engine)).isSameAs(TriggerWorkers.register(engine));
    engine.start();
    return engine;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStartRunsOnceAndARepeatedFiringReportsTheExistingRun(TestStore store) {
    try (WeftEngine engine = engine(store, ConcurrentHashMap.newKeySet())) {
      WeftClient client = engine.client();
      TriggerActions actions = new TriggerActions(client, new FirePartitions(engine));
      TriggerAction start =
          TriggerAction.StartWorkflow.of("Approval", Approval.QUEUE, new TextNode("r1"));
      String id = "nightly@" + FIRE;

      TriggerResult first = actions.run(start, id, FIRE);
      TriggerResult again = actions.run(start, id, FIRE);

      assertThat(first.outcome()).isEqualTo(TriggerOutcome.STARTED);
      assertThat(first.workflowId()).isEqualTo(id);
      assertThat(again)
          .isEqualTo(new TriggerResult(TriggerOutcome.ALREADY_STARTED, id, first.runId()));
      TriggerResult signaled =
          actions.run(
              TriggerAction.SignalWorkflow.of(id, "decide", new TextNode("yes")), "s", FIRE);
      assertThat(signaled.outcome()).isEqualTo(TriggerOutcome.SIGNALED);
      assertThat(client.getHandle(id).getResult(WAIT)).isEqualTo("r1:yes");
      // the ID stays used once the run closed: a third firing still starts nothing
      assertThat(actions.run(start, id, FIRE).outcome()).isEqualTo(TriggerOutcome.ALREADY_STARTED);
      assertThat(client.countWorkflows(WorkflowFilter.query("WorkflowType = 'Approval'")))
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSignalToAMissingWorkflowFailsWithoutRetryNamingIt(TestStore store) {
    try (WeftEngine engine = engine(store, ConcurrentHashMap.newKeySet())) {
      TriggerActions actions = new TriggerActions(engine.client(), new FirePartitions(engine));

      assertThatThrownBy(
              () -> actions.run(TriggerAction.SignalWorkflow.of("nobody", "decide"), "s", FIRE))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.isNonRetryable()).isTrue();
                assertThat(f.getType()).isEqualTo("WorkflowNotFoundException");
              })
          .hasMessageContaining("'nobody'");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStartOfAnUnknownWorkflowTypeFailsWithoutRetryAndStartsNothing(TestStore store) {
    try (WeftEngine engine = engine(store, ConcurrentHashMap.newKeySet())) {
      TriggerActions actions = new TriggerActions(engine.client(), new FirePartitions(engine));

      assertThatThrownBy(
              () ->
                  actions.run(
                      TriggerAction.StartWorkflow.of("Nope", Approval.QUEUE), "nope@1", FIRE))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.isNonRetryable()).isTrue();
                assertThat(f.getType()).isEqualTo("UnknownWorkflowTypeException");
              })
          .hasMessageContaining("cannot start 'nope@1'")
          .hasMessageContaining("Nope");
      assertThat(engine.client().countWorkflows(WorkflowFilter.all())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMaterializeRunsTheSelectionOnceAndOfItsPartition(TestStore store) {
    Set<String> computed = ConcurrentHashMap.newKeySet();
    try (WeftEngine engine = engine(store, computed)) {
      WeftClient client = engine.client();
      TriggerActions actions = new TriggerActions(client, new FirePartitions(engine));

      TriggerResult report =
          actions.run(TriggerAction.Materialize.of("market/report"), "r@1", FIRE);
      TriggerResult prices =
          actions.run(
              TriggerAction.Materialize.partition("market/prices", "2024-01-01"), "p@1", FIRE);
      TriggerResult repeated =
          actions.run(TriggerAction.Materialize.of("market/report"), "r@1", FIRE);

      assertThat(report.outcome()).isEqualTo(TriggerOutcome.STARTED);
      assertThat(repeated.outcome()).isEqualTo(TriggerOutcome.ALREADY_STARTED);
      MaterializeTriggerOutcome reportDone =
          client.getHandle("r@1").getResult(MaterializeTriggerOutcome.class);
      assertThat(reportDone).isEqualTo(new MaterializeTriggerOutcome("r@1/materialize", true));
      assertThat(client.getHandle(prices.workflowId()).getResult(MaterializeTriggerOutcome.class))
          .isEqualTo(new MaterializeTriggerOutcome("p@1/materialize", true));
      assertThat(computed).containsExactlyInAnyOrder("report", "prices 2024-01-01");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMaterializeOfTheFireTimesPartitionTakesTheWindowBeforeIt(TestStore store) {
    Set<String> computed = ConcurrentHashMap.newKeySet();
    try (WeftEngine engine = engine(store, computed)) {
      WeftClient client = engine.client();
      TriggerActions actions = new TriggerActions(client, new FirePartitions(engine));

      TriggerResult started =
          actions.run(
              new TriggerAction.Materialize("market/prices", null, true),
              "y@1",
              Instant.parse("2024-01-03T00:05:00Z"));

      assertThat(client.getHandle(started.workflowId()).getResult(MaterializeTriggerOutcome.class))
          .isEqualTo(new MaterializeTriggerOutcome("y@1/materialize", true));
      assertThat(computed).containsExactly("prices 2024-01-02");
      assertThatThrownBy(
              () ->
                  actions.run(
                      new TriggerAction.Materialize("market/report", null, true), "y@2", FIRE))
          .isInstanceOfSatisfying(
              ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
          .hasMessageContaining("'market/report': it holds no partitioned asset");
    }
  }
}
