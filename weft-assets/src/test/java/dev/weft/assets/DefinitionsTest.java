package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

  record Raw(List<Integer> blocks) {}

  record Decoded(List<String> blocks) {}

  @Test
  void theBuilderInfersUpstreamsFromInputsAndKeepsEveryAttribute() {
    AssetDefinition decoded =
        Asset.builder("chain/decoded_blocks")
            .description("decoded blocks")
            .group("chain")
            .owners("data@example.com")
            .tag("tier", "gold")
            .metadata("source", "node")
            .codeVersion("v1")
            .ioManager("files")
            .input("chain/raw_blocks", Raw.class)
            .deps("chain/head")
            .startToCloseTimeout(Duration.ofMinutes(5))
            .output(Decoded.class)
            .check(
                AssetCheck.<Decoded>error("non_empty", d -> CheckResult.of(!d.blocks().isEmpty()))
                    .asBlocking())
            .compute(ctx -> new Decoded(List.of("b")));

    AssetSpec spec = decoded.spec();
    assertThat(decoded.key()).isEqualTo(AssetKey.of("chain/decoded_blocks"));
    assertThat(spec.description()).isEqualTo("decoded blocks");
    assertThat(spec.group()).isEqualTo("chain");
    assertThat(spec.owners()).containsExactly("data@example.com");
    assertThat(spec.tags()).containsEntry("tier", "gold");
    assertThat(spec.metadata()).containsEntry("source", "node");
    assertThat(spec.codeVersion()).isEqualTo("v1");
    assertThat(spec.ioManager()).isEqualTo("files");
    assertThat(spec.type()).isEqualTo(Decoded.class);
    assertThat(spec.checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("non_empty");
              assertThat(c.severity()).isEqualTo(CheckSeverity.ERROR);
              assertThat(c.blocking()).isTrue();
            });
    assertThat(decoded.inputs())
        .extracting(AssetInput::key)
        .containsExactly(AssetKey.of("chain/raw_blocks"));
    assertThat(decoded.deps()).containsExactly(AssetKey.of("chain/head"));
    assertThat(decoded.options().startToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(decoded.options().retryPolicy().maximumAttempts()).isEqualTo(1);
    assertThat(decoded.kind()).isEqualTo(AssetKind.COMPUTED);
  }

  @Test
  void defaultsAreTheDefaultGroupAndIoManager() {
    AssetDefinition a = Asset.builder("a").compute(ctx -> 1);
    assertThat(a.spec().group()).isEqualTo("default");
    assertThat(a.spec().ioManager()).isEqualTo(IoManager.DEFAULT);
    assertThat(a.spec().type()).isEqualTo(Object.class);
    assertThat(a.spec().codeVersion()).isNull();
  }

  @Test
  void badDefinitionsAreRefusedNamingTheProblem() {
    assertThatThrownBy(
            () -> Asset.builder("a").input("b", Raw.class).input("b", Raw.class).compute(ctx -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asset a: input b is declared twice");
    assertThatThrownBy(() -> Asset.builder("a").input("a", Raw.class).compute(ctx -> 1))
        .hasMessageContaining("asset a: reads its own output a");
    assertThatThrownBy(() -> Asset.builder("a").group("bad group").compute(ctx -> 1))
        .hasMessageContaining("group 'bad group'");
    assertThatThrownBy(() -> Asset.builder("a").codeVersion(" ").compute(ctx -> 1))
        .hasMessageContaining("codeVersion must not be blank");
    assertThatThrownBy(
            () ->
                Asset.builder("a")
                    .check(AssetCheck.error("c", v -> CheckResult.of(true)))
                    .output(Raw.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set output(...) before adding checks");
    assertThatThrownBy(() -> AssetCheck.warn("bad name", v -> CheckResult.of(true)))
        .hasMessageContaining("asset check name 'bad name'");
  }

  @Test
  void aMultiAssetHasOneSpecPerOutput() {
    MultiAssetDefinition feed =
        Asset.multi("market_feed")
            .output(AssetSpec.builder("market/trades").type(Raw.class).codeVersion("v2").build())
            .output("market/prices", Decoded.class)
            .deps("market/exchange")
            .compute(
                ctx ->
                    AssetOutputs.of("market/trades", new Raw(List.of()))
                        .and("market/prices", new Decoded(List.of())));
    assertThat(feed.name()).isEqualTo("market_feed");
    assertThat(feed.specs())
        .extracting(AssetSpec::key)
        .containsExactly(AssetKey.of("market/trades"), AssetKey.of("market/prices"));
    assertThat(feed.deps()).isEqualTo(Set.of(AssetKey.of("market/exchange")));
    assertThatThrownBy(() -> Asset.multi("m").compute(ctx -> null))
        .hasMessageContaining("multi-asset m needs at least one output");
    assertThatThrownBy(() -> AssetOutputs.of("a", 1).and("a", 2))
        .hasMessageContaining("output a is given twice");
  }

  @Test
  void anObservableSourceHasNoCompute() throws Exception {
    ObservableSourceAsset head =
        Asset.observableSource("chain/head").group("chain").observe(ctx -> DataVersion.of("0xabc"));
    assertThat(head.kind()).isEqualTo(AssetKind.OBSERVABLE_SOURCE);
    assertThat(head.inputs()).isEmpty();
    assertThat(head.spec().type()).isEqualTo(Void.class);
    assertThat(head.observer().observe(null)).isEqualTo(DataVersion.of("0xabc"));
  }

  @Test
  void theDefaultDataVersionIsTheSha256OfTheBytes() {
    assertThat(DataVersion.ofText("abc").value())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThatThrownBy(() -> DataVersion.of(" ")).hasMessageContaining("must not be blank");
  }
}
