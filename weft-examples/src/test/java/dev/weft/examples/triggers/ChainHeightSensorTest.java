package dev.weft.examples.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.PartitionedExamples;
import dev.weft.examples.assets.blocks.BlockAssets;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.TriggerOutcome;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sensor {@code chain-height} as the fake chain grows: one ingestion per new block, exactly
 * once, also when after an engine restart its cursor is moved back and it asks for blocks it
 * ingested before.
 */
class ChainHeightSensorTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private final PartitionedExamples partitioned = TriggerExamples.partitioned();
  private final FakeChain chain = partitioned.blocks();
  private WeftEngine engine;
  private Assets assets;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private ExampleTriggers start(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).build();
    Assets assets = TriggerExamples.register(engine, partitioned);
    ExampleTriggers triggers = ExampleTriggers.register(engine, assets, chain, name -> null);
    engine.start();
    this.assets = assets;
    return triggers;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eachNewBlockIsIngestedExactlyOnceAcrossARestart(TestStore store) {
    ExampleTriggers triggers = start(store);
    long firstHead = TriggerExamples.BLOCKS - 1;
    awaitCursor(triggers, firstHead);
    assertThat(ingestions()).as("the blocks there at the first look are not ingested").isEmpty();

    chain.mine(2);
    awaitCursor(triggers, firstHead + 2);
    awaitIngested(List.of("10", "11"));

    engine.close();
    triggers = start(store);
    assertThat(triggers.sensors().describe(ExampleTriggers.CHAIN_HEIGHT).cursor())
        .as("the cursor survives the restart")
        .isEqualTo("11");
    triggers.sensors().setCursor(ExampleTriggers.CHAIN_HEIGHT, Long.toString(firstHead));
    chain.mine(1);
    awaitCursor(triggers, firstHead + 3);
    awaitIngested(List.of("10", "11", "12"));

    assertThat(ingestions())
        .as("one ingestion per block, none twice")
        .containsExactlyInAnyOrder("chain-height:10", "chain-height:11", "chain-height:12");
    SensorEvaluation again =
        triggers.sensors().describe(ExampleTriggers.CHAIN_HEIGHT).recentEvaluations().stream()
            .filter(e -> "9".equals(e.cursorBefore()) && "12".equals(e.cursorAfter()))
            .findFirst()
            .orElseThrow();
    Map<String, TriggerOutcome> outcomes =
        again.requests().stream()
            .collect(
                Collectors.toMap(SensorRequestOutcome::dedupeKey, SensorRequestOutcome::outcome));
    assertThat(outcomes)
        .isEqualTo(
            Map.of(
                "10", TriggerOutcome.ALREADY_STARTED,
                "11", TriggerOutcome.ALREADY_STARTED,
                "12", TriggerOutcome.STARTED));
  }

  private void awaitCursor(ExampleTriggers triggers, long height) {
    await()
        .atMost(WAIT)
        .until(
            () -> triggers.sensors().describe(ExampleTriggers.CHAIN_HEIGHT),
            hasCursor(Long.toString(height)));
  }

  private static Predicate<SensorDescription> hasCursor(String cursor) {
    return d -> cursor.equals(d.cursor());
  }

  private void awaitIngested(List<String> blocks) {
    for (String block : blocks) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          assets
                              .partitions()
                              .status(AssetKey.of(BlockAssets.ENRICHED), block)
                              .status())
                      .as("enriched block %s", block)
                      .isEqualTo(AssetPartitionStatus.MATERIALIZED));
    }
  }

  /** The ingestion runs the sensor started (not their materialization children). */
  private List<String> ingestions() {
    return engine
        .client()
        .listWorkflows(
            WorkflowFilter.query("WorkflowId STARTS_WITH 'chain-height:'").withPageSize(1000))
        .workflows()
        .stream()
        .map(WorkflowSummary::workflowId)
        .filter(id -> !id.contains("/"))
        .toList();
  }
}
