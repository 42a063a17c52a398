package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.internal.StepFailure;
import dev.weft.assets.internal.StepResult;
import dev.weft.assets.internal.StepRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRunnerTest {
  final InMemoryIoManager memory = new InMemoryIoManager();

  StepRunner runner(AssetGraph graph) {
    Map<AssetKey, AssetSpec> specs = new LinkedHashMap<>();
    graph.nodes().forEach(n -> specs.put(n.key(), n.spec()));
    return new StepRunner(Map.of(IoManager.DEFAULT, memory), specs, Clock.systemUTC(), null);
  }

  final AssetDefinition raw =
      Asset.builder("raw").output(Integer[].class).compute(ctx -> new Integer[] {1, 2, 3});

  @Test
  void loadsInputsComputesStoresAndChecks() {
    AssetDefinition sum =
        Asset.builder("sum")
            .codeVersion("v1")
            .input("raw", Integer[].class)
            .output(Integer.class)
            .check(AssetCheck.<Integer>error("positive", v -> CheckResult.of(v > 0)).asBlocking())
            .check(
                AssetCheck.<Integer>warn("small", v -> new CheckResult(v < 5, Map.of("value", v))))
            .compute(
                ctx -> {
                  Integer[] values = ctx.input("raw", Integer[].class);
                  ctx.addMetadata("rows", values.length);
                  return List.of(values).stream().mapToInt(i -> i).sum();
                });
    AssetGraph graph = AssetGraph.of(raw, sum);
    memory.put(AssetKey.of("raw"), new Integer[] {1, 2, 3});

    StepResult result = runner(graph).run(sum, "", "run-1");

    assertThat(memory.get(AssetKey.of("sum"))).contains(6);
    assertThat(result.outputs())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.key()).isEqualTo(AssetKey.of("sum"));
              assertThat(o.codeVersion()).isEqualTo("v1");
              assertThat(o.dataVersion()).isEqualTo(DataVersion.ofText("6").value());
              assertThat(o.metadata()).containsEntry("rows", 3).containsKey("computeMillis");
            });
    assertThat(result.checks())
        .extracting(StepResult.CheckRun::name, StepResult.CheckRun::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("positive", true),
            org.assertj.core.groups.Tuple.tuple("small", false));
    assertThat(result.failedBlockingChecks()).isEmpty();
  }

  @Test
  void aComputeMaySetItsOwnDataVersion() {
    AssetDefinition a =
        Asset.builder("a")
            .compute(
                ctx -> {
                  ctx.setDataVersion("block-42");
                  return "x";
                });
    assertThat(runner(AssetGraph.of(a)).run(a, "", "r").outputs().get(0).dataVersion())
        .isEqualTo("block-42");
  }

  @Test
  void failuresNameTheAsset() {
    AssetDefinition throwing =
        Asset.builder("boom")
            .compute(
                ctx -> {
                  throw new IllegalStateException("no chain");
                });
    AssetDefinition wrongType =
        Asset.builder("typed").output(Integer.class).compute(ctx -> (Integer) null);
    AssetDefinition reader =
        Asset.builder("reader").input("raw", Integer[].class).compute(ctx -> 1);
    AssetDefinition undeclared =
        Asset.builder("sneaky").compute(ctx -> ctx.input("raw", Integer[].class));
    AssetGraph graph = AssetGraph.of(raw, throwing, wrongType, reader, undeclared);
    StepRunner runner = runner(graph);

    assertThatThrownBy(() -> runner.run(throwing, "", "r"))
        .isInstanceOf(StepFailure.class)
        .hasMessage("asset boom: compute failed: java.lang.IllegalStateException: no chain")
        .extracting(e -> ((StepFailure) e).type())
        .isEqualTo("java.lang.IllegalStateException");
    assertThatThrownBy(() -> runner.run(wrongType, "", "r"))
        .hasMessage("asset typed: compute returned null");
    assertThatThrownBy(() -> runner.run(reader, "", "r"))
        .hasMessageStartingWith("asset reader: IO manager 'default' cannot load input raw:")
        .extracting(e -> ((StepFailure) e).type())
        .isEqualTo("IoManagerLoadFailed");
    assertThatThrownBy(() -> runner.run(undeclared, "", "r"))
        .hasMessageContaining("asset sneaky reads raw, which is not one of its declared inputs");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aComputeReturningTheWrongTypeIsRefused() {
    AssetCompute untyped = ctx -> "text";
    AssetDefinition a =
        new AssetDefinition(
            AssetSpec.builder("a").type(Integer.class).build(),
            List.of(),
            java.util.Set.of(),
            untyped,
            null);
    assertThatThrownBy(() -> runner(AssetGraph.of(a)).run(a, "", "r"))
        .hasMessage("asset a: compute returned java.lang.String, expected java.lang.Integer")
        .extracting(e -> ((StepFailure) e).retryable())
        .isEqualTo(false);
  }

  @Test
  void aThrowingCheckIsAFailedCheckNamingAssetAndCheck() {
    AssetDefinition a =
        Asset.builder("a")
            .output(String.class)
            .check(
                AssetCheck.<String>error(
                        "explodes",
                        v -> {
                          throw new IllegalArgumentException("bad");
                        })
                    .asBlocking())
            .compute(ctx -> "x");
    StepResult result = runner(AssetGraph.of(a)).run(a, "", "r");
    assertThat(result.failedBlockingChecks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("explodes");
              assertThat(c.metadata().get("error").toString())
                  .isEqualTo(
                      "asset a: check explodes threw java.lang.IllegalArgumentException: bad");
            });
  }

  @Test
  void aMultiAssetStoresEachOutputAndRefusesMissingOnes() {
    MultiAssetDefinition split =
        Asset.multi("split")
            .output("evens", String.class)
            .output("odds", String.class)
            .compute(ctx -> AssetOutputs.of("evens", "2,4").and("odds", "1,3"));
    StepResult result = runner(AssetGraph.of(split)).run(split, "", "r");
    assertThat(result.outputs())
        .extracting(StepResult.Output::key)
        .containsExactly(AssetKey.of("evens"), AssetKey.of("odds"));
    assertThat(memory.get(AssetKey.of("odds"))).contains("1,3");

    MultiAssetDefinition half =
        Asset.multi("half")
            .output("x", String.class)
            .output("y", String.class)
            .compute(ctx -> AssetOutputs.of("x", "1"));
    assertThatThrownBy(() -> runner(AssetGraph.of(half)).run(half, "", "r"))
        .hasMessage("multi-asset half: compute returned outputs [x], expected [x, y]");
  }

  @Test
  void anObservableSourceReturnsItsVersion() {
    ObservableSourceAsset head =
        Asset.observableSource("head").observe(ctx -> DataVersion.of("0xabc"));
    StepResult result = runner(AssetGraph.of(head)).run(head, "", "r");
    assertThat(result.outputs())
        .singleElement()
        .extracting(StepResult.Output::dataVersion)
        .isEqualTo("0xabc");
  }
}
