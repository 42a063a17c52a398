package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.weft.assets.InvalidAssetGraphException.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssetGraphTest {

  static AssetDefinition asset(String key, String... upstream) {
    AssetBuilder<Object> b = Asset.builder(key);
    for (String u : upstream) {
      b.input(u, Object.class);
    }
    return b.compute(ctx -> key);
  }

  static Set<AssetKey> keys(String... paths) {
    return new java.util.LinkedHashSet<>(List.of(paths).stream().map(AssetKey::of).toList());
  }

  //   a   x
  //  / \  |
  // b   c |
  //  \ /  |
  //   d --+-- e (reads d, deps x)
  final AssetGraph graph =
      AssetGraph.of(
          asset("e", "d"),
          asset("d", "b", "c"),
          asset("b", "a"),
          asset("c", "a"),
          asset("a"),
          Asset.builder("x").compute(ctx -> 1));

  @Test
  void layersAreTopologicalAndSorted() {
    assertThat(graph.layers())
        .containsExactly(
            List.of(AssetKey.of("a"), AssetKey.of("x")),
            List.of(AssetKey.of("b"), AssetKey.of("c")),
            List.of(AssetKey.of("d")),
            List.of(AssetKey.of("e")));
    assertThat(graph.keys()).containsExactlyElementsOf(keys("a", "x", "b", "c", "d", "e"));
  }

  @Test
  void closuresFollowEdgesBothWays() {
    assertThat(graph.upstream(AssetKey.of("d"))).containsExactlyElementsOf(keys("b", "c"));
    assertThat(graph.downstream(AssetKey.of("a"))).containsExactlyElementsOf(keys("b", "c"));
    assertThat(graph.upstreamClosure(keys("d")))
        .containsExactlyElementsOf(keys("a", "b", "c", "d"));
    assertThat(graph.downstreamClosure(keys("b"))).containsExactlyElementsOf(keys("b", "d", "e"));
    assertThat(graph.downstreamClosure(keys("x"))).containsExactlyElementsOf(keys("x"));
  }

  @Test
  void depsAreEdgesWithoutData() {
    AssetGraph g =
        AssetGraph.of(
            Asset.observableSource("chain/head").observe(ctx -> DataVersion.of("h")),
            Asset.builder("chain/raw").deps("chain/head").compute(ctx -> 1));
    assertThat(g.upstream(AssetKey.of("chain/raw"))).containsExactly(AssetKey.of("chain/head"));
    assertThat(g.node(AssetKey.of("chain/head")).kind()).isEqualTo(AssetKind.OBSERVABLE_SOURCE);
  }

  @Test
  void aCycleIsRefusedAndPrinted() {
    assertThatThrownBy(
            () -> AssetGraph.of(asset("a", "c"), asset("b", "a"), asset("c", "b"), asset("z")))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessageContaining("cycle: a -> b -> c -> a")
        .asInstanceOf(type(InvalidAssetGraphException.class))
        .satisfies(
            e -> {
              assertThat(e.problems())
                  .singleElement()
                  .satisfies(
                      p -> {
                        assertThat(p.kind()).isEqualTo(Kind.CYCLE);
                        assertThat(p.keys())
                            .containsExactly(
                                AssetKey.of("a"),
                                AssetKey.of("b"),
                                AssetKey.of("c"),
                                AssetKey.of("a"));
                      });
            });
  }

  @Test
  void unknownUpstreamsAndDuplicatesAreRefusedNamingBothKeys() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    asset("chain/raw_blocks"),
                    asset("chain/decoded", "chain/raw_block"),
                    Asset.builder("chain/enriched").deps("chain/nope").compute(ctx -> 1),
                    asset("chain/raw_blocks")))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessageContaining(
            "unknown upstream: chain/decoded names chain/raw_block, which no definition produces")
        .hasMessageContaining("unknown upstream: chain/enriched names chain/nope")
        .hasMessageContaining(
            "duplicate key: chain/raw_blocks is produced by both chain/raw_blocks and chain/raw_blocks")
        .asInstanceOf(type(InvalidAssetGraphException.class))
        .satisfies(
            e ->
                assertThat(e.problems())
                    .extracting(InvalidAssetGraphException.Problem::kind)
                    .containsExactlyInAnyOrder(
                        Kind.DUPLICATE_KEY, Kind.UNKNOWN_UPSTREAM, Kind.UNKNOWN_UPSTREAM));
  }

  @Test
  void aMultiAssetOutputCollidingWithAnAssetIsADuplicate() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    asset("a"),
                    Asset.multi("m")
                        .output("a", Integer.class)
                        .output("b", Integer.class)
                        .compute(ctx -> AssetOutputs.of("a", 1).and("b", 2))))
        .hasMessageContaining("duplicate key: a is produced by both a and m");
  }

  @Test
  void aMultiAssetNamedLikeAnotherDefinitionIsRefused() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    asset("m"),
                    Asset.multi("m")
                        .output("x", Integer.class)
                        .compute(ctx -> AssetOutputs.of("x", 1))))
        .hasMessageContaining("duplicate definition name: two definitions are named m");
  }

  @Test
  void anInputOfTheWrongTypeIsRefusedNamingBothAssetsAndTypes() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("n").output(Integer.class).compute(ctx -> 1),
                    Asset.builder("s").input("n", String.class).compute(ctx -> "x"),
                    Asset.builder("ok").input("n", Number.class).compute(ctx -> "x")))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessage(
            "invalid asset graph: type mismatch: s reads n as java.lang.String,"
                + " but it produces java.lang.Integer");
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.observableSource("src").observe(ctx -> DataVersion.of("v")),
                    Asset.builder("s").input("src", String.class).compute(ctx -> "x")))
        .hasMessageContaining("s reads src, which has no loadable value");
  }

  @Test
  void anUnknownKeySuggestsTheClosestOne() {
    assertThatThrownBy(() -> graph.node(AssetKey.of("dd")))
        .isInstanceOf(UnknownAssetException.class)
        .hasMessage("unknown asset dd (did you mean d?)");
  }
}
