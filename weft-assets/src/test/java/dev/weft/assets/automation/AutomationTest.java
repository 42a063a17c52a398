package dev.weft.assets.automation;

import static dev.weft.assets.automation.AutomationCondition.allUpstreamsUpdated;
import static dev.weft.assets.automation.AutomationCondition.anyUpstreamUpdated;
import static dev.weft.assets.automation.AutomationCondition.codeVersionChanged;
import static dev.weft.assets.automation.AutomationCondition.eager;
import static dev.weft.assets.automation.AutomationCondition.missing;
import static dev.weft.assets.automation.AutomationCondition.not;
import static dev.weft.assets.automation.AutomationCondition.onCron;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.InvalidAssetGraphException;
import dev.weft.assets.IoManager;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Declarative automation on a real store: conditions evaluated when the catalog changes start one
 * run per trigger, and every evaluation is recorded with the condition and why it fired or not.
 */
class AutomationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();

  Assets start(TestStore kind, Clock clock, AssetsDefinition... definitions) {
    return engines.start(
        kind.open(dir),
        engine -> engine,
        assets ->
            assets
                .definitions(definitions)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .clock(clock));
  }

  Assets start(TestStore kind, AssetsDefinition... definitions) {
    return start(kind, Clock.systemUTC(), definitions);
  }

  static AssetsDefinition raw(String key) {
    return Asset.builder(key).output(Integer.class).compute(ctx -> 1);
  }

  List<WorkflowHandle<Object>> automatedRuns(String key) {
    return engines
        .last()
        .client()
        .listWorkflows(WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_auto:" + key + ":'"))
        .workflows()
        .stream()
        .map(r -> engines.last().client().getHandle(r.workflowId()))
        .toList();
  }

  List<AutomationEvaluationRecord> evaluations(Assets assets, String key) {
    return assets.automationEvaluations(AssetKey.of(key), null, 1000).evaluations();
  }

  List<AutomationEvaluationRecord> fired(Assets assets, String key) {
    return evaluations(assets, key).stream().filter(AutomationEvaluationRecord::fired).toList();
  }

  void awaitClosed(String key, int runs) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                automatedRuns(key).size() == runs
                    && automatedRuns(key).stream()
                        .allMatch(h -> h.describe().status() != WorkflowStatus.RUNNING));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eagerDownstreamStartsOncePerUpstreamMaterialization(TestStore kind) {
    Assets assets =
        start(
            kind,
            raw("raw/blocks"),
            Asset.builder("clean/blocks")
                .input("raw/blocks", Integer.class)
                .output(Integer.class)
                .automation(eager())
                .compute(ctx -> ctx.input("raw/blocks", Integer.class) + 1));

    for (int i = 1; i <= 3; i++) {
      assets.materialize("raw/blocks").await(WAIT);
      awaitClosed("clean/blocks", i);
    }

    assertThat(automatedRuns("clean/blocks")).hasSize(3);
    List<AutomationEvaluationRecord> fired = fired(assets, "clean/blocks");
    assertThat(fired).hasSize(3);
    assertThat(fired)
        .allSatisfy(
            e -> {
              assertThat(e.condition()).isEqualTo("eager()");
              assertThat(e.reason()).contains("raw/blocks updated since the last run");
              assertThat(e.partitions()).isEqualTo("{[0, 1)}");
              assertThat(e.workflowId()).startsWith("__weft_auto:clean/blocks:");
              assertThat(engines.last().client().getHandle(e.workflowId()).describe().runId())
                  .isEqualTo(e.runId());
            });
    assertThat(assets.status(AssetKey.of("clean/blocks")).orElseThrow().current().runId())
        .isEqualTo(fired.getFirst().runId());
    assertThat(assets.automationCondition(AssetKey.of("clean/blocks"))).contains(eager());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void missingFiresOnceWhenTheAssetIsAdded(TestStore kind) {
    Assets assets =
        start(
            kind,
            raw("raw/other"),
            Asset.builder("seed/table")
                .output(Integer.class)
                .automation(missing())
                .compute(ctx -> 3));

    awaitClosed("seed/table", 1);
    assets.materialize("raw/other").await(WAIT);
    await().atMost(WAIT).until(() -> !evaluations(assets, "seed/table").isEmpty());
    assets.evaluateAutomation();

    assertThat(automatedRuns("seed/table")).hasSize(1);
    assertThat(fired(assets, "seed/table"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("missing(): never materialized"));
    assertThat(assets.status(AssetKey.of("seed/table")).orElseThrow().current()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNewCodeVersionFiresOnce(TestStore kind) {
    Assets v1 =
        start(
            kind,
            Asset.builder("model/fit").codeVersion("v1").output(Integer.class).compute(c -> 1));
    v1.materialize("model/fit").await(WAIT);
    engines.closeLast();

    Assets v2 =
        start(
            kind,
            Asset.builder("model/fit")
                .codeVersion("v2")
                .output(Integer.class)
                .automation(codeVersionChanged())
                .compute(c -> 2));

    awaitClosed("model/fit", 1);
    assertThat(fired(v2, "model/fit"))
        .singleElement()
        .satisfies(e -> assertThat(e.condition()).isEqualTo("codeVersionChanged()"));
    assertThat(v2.status(AssetKey.of("model/fit")).orElseThrow().current().codeVersion())
        .isEqualTo("v2");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void andOrNotCombineAndTheirTextIsRecorded(TestStore kind) {
    Assets assets =
        start(
            kind,
            raw("src/a"),
            raw("src/b"),
            Asset.builder("out/both")
                .input("src/a", Integer.class)
                .input("src/b", Integer.class)
                .output(Integer.class)
                .automation(
                    allUpstreamsUpdated()
                        .and(not(anyUpstreamUpdated("src/a").and(missing()).and(not(eager())))))
                .compute(ctx -> 0),
            Asset.builder("out/eagerNotMissing")
                .input("src/a", Integer.class)
                .output(Integer.class)
                .automation(eager().and(not(missing())).or(codeVersionChanged()))
                .compute(ctx -> 0));

    assets.materialize("src/a").await(WAIT);
    // the registration's own evaluations come first: wait for the ones src/a's update caused
    await()
        .atMost(WAIT)
        .until(
            () ->
                evaluations(assets, "out/both").stream()
                    .anyMatch(e -> e.reason().contains("waiting for src/b")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                evaluations(assets, "out/eagerNotMissing").stream()
                    .anyMatch(e -> e.reason().contains("missing(): never materialized")));
    AutomationEvaluationRecord waiting =
        evaluations(assets, "out/both").stream()
            .filter(e -> e.reason().contains("waiting for src/b"))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.fired()).isFalse();
    AutomationEvaluationRecord missingStill =
        evaluations(assets, "out/eagerNotMissing").stream()
            .filter(e -> e.reason().contains("missing(): never materialized"))
            .findFirst()
            .orElseThrow();
    assertThat(missingStill.fired()).isFalse();
    assertThat(missingStill.condition()).isEqualTo("(eager() & !missing()) | codeVersionChanged()");
    assertThat(missingStill.reason()).contains("!(missing(): never materialized)");

    assets.materialize("src/b").await(WAIT);
    awaitClosed("out/both", 1);
    assertThat(fired(assets, "out/both"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.condition())
                    .isEqualTo(
                        "allUpstreamsUpdated() & !(anyUpstreamUpdated('src/a') & missing() &"
                            + " !eager())"));
    assertThat(automatedRuns("out/eagerNotMissing")).isEmpty();
  }

  @Test
  void aCronTickFiresOnceWhenTheClockPassesIt() {
    ManualClock clock = new ManualClock(Instant.parse("2024-01-01T01:59:00Z"));
    Assets assets =
        start(
            TestStore.SQLITE,
            clock.asJavaClock(),
            Asset.builder("daily/report")
                .output(Integer.class)
                .automation(onCron("0 2 * * *"))
                .compute(c -> 1));

    clock.advanceTo(Instant.parse("2024-01-01T02:00:30Z"));
    assets.evaluateAutomation();
    awaitClosed("daily/report", 1);
    clock.advanceTo(Instant.parse("2024-01-01T02:30:00Z"));
    assets.evaluateAutomation();
    clock.advanceTo(Instant.parse("2024-01-02T02:00:01Z"));
    assets.evaluateAutomation();
    awaitClosed("daily/report", 2);

    assertThat(fired(assets, "daily/report"))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e.reason())
                    .isEqualTo("onCron('0 2 * * *'): a tick passed since the last run"));
  }

  @Test
  void aConditionNamingAnUnknownKeyIsRefusedWithTheClosestKey() {
    assertThatThrownBy(
            () ->
                start(
                    TestStore.SQLITE,
                    raw("raw/blocks"),
                    Asset.builder("clean/blocks")
                        .input("raw/blocks", Integer.class)
                        .automation(anyUpstreamUpdated("raw/blokcs"))
                        .compute(ctx -> 1)))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessageContaining("automation condition of clean/blocks")
        .hasMessageContaining("raw/blokcs (did you mean raw/blocks?)");
  }

  @Test
  void badCronExpressionsNameTheExpressionAndThePosition() {
    assertThatThrownBy(() -> onCron("0 25 * * *"))
        .isInstanceOfSatisfying(
            InvalidCronExpressionException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessageContaining("'0 25 * * *' is invalid at position 2")
        .hasMessageContaining("field 2 '25'");
    assertThatThrownBy(() -> onCron("* * *"))
        .isInstanceOf(InvalidCronExpressionException.class)
        .hasMessageContaining("it has 3 fields");
  }

  @Test
  void theTextFormReadsBackToTheSameCondition() {
    AutomationCondition c =
        eager().and(not(missing())).or(onCron("0 2 * * *").and(allUpstreamsUpdated("a/b", "c")));
    assertThat(c.toString())
        .isEqualTo(
            "(eager() & !missing()) | (onCron('0 2 * * *') & allUpstreamsUpdated('a/b', 'c'))");
    assertThat(AutomationCondition.parse(c.toString())).isEqualTo(c);
    assertThatThrownBy(() -> AutomationCondition.parse("eager() & sometimes()"))
        .hasMessageContaining("at position 10: unknown condition 'sometimes'");
  }

  /** Annotated assets: the condition in its text form. */
  public static final class AnnotatedChain {
    @dev.weft.assets.annotation.Asset(key = "chain/raw")
    public int raw() {
      return 1;
    }

    @dev.weft.assets.annotation.Asset(key = "chain/clean", automation = "eager() & !missing()")
    public int clean(@dev.weft.assets.annotation.Input("chain/raw") int raw) {
      return raw + 1;
    }
  }

  @Test
  void anAnnotationCarriesTheConditionAsText() {
    dev.weft.assets.AssetGraph graph =
        dev.weft.assets.AssetGraph.of(dev.weft.assets.AnnotatedAssets.of(new AnnotatedChain()));
    assertThat(graph.node(AssetKey.of("chain/clean")).spec().automation())
        .isEqualTo(eager().and(not(missing())));
    assertThat(graph.node(AssetKey.of("chain/raw")).spec().automation()).isNull();
  }
}
