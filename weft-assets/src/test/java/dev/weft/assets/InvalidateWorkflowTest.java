package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.internal.InvalidateOutcome;
import dev.weft.assets.internal.InvalidateOutcome.InvalidatedCount;
import dev.weft.assets.internal.InvalidateRequest;
import dev.weft.assets.internal.InvalidateWorkflow;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.RemoteInvalidation;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.ReplayTwins;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in {@code __weft_invalidate} workflow that a node without the asset code (the HTTP
 * server) starts on the location's queue: its one activity invalidates with cascade and, when
 * asked, starts the rematerialization; a request the graph refuses fails the run and writes
 * nothing. Each run is replayed on today's code (its twin: {@link InvalidateReplayTest}).
 */
class InvalidateWorkflowTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;
  private final List<WeftEngine> engines = new ArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(WeftEngine::close);
  }

  private Assets start(TestStore kind) {
    WeftEngine engine = WeftEngine.builder().store(kind.open(dir)).nodeId("inval-test").build();
    engines.add(engine);
    Assets assets =
        Assets.builder(engine)
            .definitions(
                List.of(
                    Asset.builder("market/prices")
                        .partitions(DAILY)
                        .output(String.class)
                        .compute(ctx -> "prices of " + ctx.partitionKey()),
                    Asset.builder("market/returns")
                        .partitions(DAILY)
                        .input("market/prices", String.class)
                        .output(String.class)
                        .compute(ctx -> "r " + ctx.input("market/prices", String.class))))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    engine.start();
    return assets;
  }

  private WeftEngine engine() {
    return engines.getLast();
  }

  private WorkflowHandle<Object> invalidate(String id, InvalidateRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(InvalidateWorkflow.WORKFLOW_ID_PREFIX + id)
            .taskQueue(MaterializeWorkflow.TASK_QUEUE)
            .build();
    return engine().client().start(InvalidateWorkflow.TYPE, options, request);
  }

  private PartitionStatus status(String asset, long index) {
    return engine()
        .store()
        .extension(PartitionStatusReader.class)
        .status(engine().namespace(), asset, index)
        .orElseThrow()
        .status();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void invalidatesWithCascadeAndStartsTheRematerialization(TestStore kind) {
    Assets assets = start(kind);
    assertThat(
            assets
                .materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-04"))
                .await(WAIT)
                .succeeded())
        .isTrue();

    WorkflowHandle<Object> run =
        invalidate(
            "bad-feed",
            new InvalidateRequest(
                "market/prices", "2024-01-02", "2024-01-03", null, "bad feed", true));
    run.getResult(WAIT);
    InvalidateOutcome outcome = run.getResult(InvalidateOutcome.class);

    assertThat(outcome.invalidated())
        .containsExactly(
            new InvalidatedCount("market/prices", 2), new InvalidatedCount("market/returns", 2));
    assertThat(outcome.workflowId()).startsWith(MaterializeWorkflow.WORKFLOW_ID_PREFIX);
    engine().client().getHandle(outcome.workflowId()).getResult(WAIT);
    assertThat(status("market/returns", 1)).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(status("market/returns", 2)).isEqualTo(PartitionStatus.MATERIALIZED);
    ReplayTwins.replayAndRecord(
        kind, "invalidate-rematerialized", run, InvalidateWorkflow.class, RemoteInvalidation::new);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aKeyOutsideTheDefinitionFailsTheRunAndInvalidatesNothing(TestStore kind) {
    Assets assets = start(kind);
    assets.materialize("market/prices", PartitionSelection.keys("2024-01-01")).await(WAIT);

    WorkflowHandle<Object> run =
        invalidate(
            "bad-key",
            new InvalidateRequest(
                "market/prices", null, null, List.of("2024-01-01", "2023-12-31"), "typo", false));

    assertThatThrownBy(() -> run.getResult(WAIT))
        .isInstanceOf(WorkflowFailedException.class)
        .hasStackTraceContaining("2023-12-31");
    assertThat(status("market/prices", 0)).isEqualTo(PartitionStatus.MATERIALIZED);
    ReplayTwins.replayAndRecord(
        kind, "invalidate-refused-key", run, InvalidateWorkflow.class, RemoteInvalidation::new);
  }
}
