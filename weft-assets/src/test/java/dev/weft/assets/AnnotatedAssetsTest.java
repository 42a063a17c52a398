package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.annotation.Asset;
import dev.weft.assets.annotation.Check;
import dev.weft.assets.annotation.Input;
import dev.weft.assets.annotation.MultiAsset;
import dev.weft.assets.annotation.ObservableSource;
import dev.weft.assets.annotation.Output;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedAssetsTest {

  record Raw(List<Integer> blocks) {}

  record Decoded(List<String> blocks) {}

  public static class ChainAssets {
    @ObservableSource(key = "chain/head", group = "chain")
    public DataVersion head() {
      return DataVersion.of("0xabc");
    }

    @Asset(key = "chain/raw_blocks", group = "chain", codeVersion = "v1", deps = "chain/head")
    public Raw raw() {
      return new Raw(List.of(1, 2));
    }

    @Asset(
        key = "chain/decoded_blocks",
        group = "chain",
        tags = "tier=gold",
        owners = "data@example.com",
        maximumAttempts = 3,
        startToCloseTimeout = "PT2M")
    public Decoded decode(@Input("chain/raw_blocks") Raw raw, AssetContext ctx) {
      ctx.addMetadata("rows", raw.blocks().size());
      return new Decoded(raw.blocks().stream().map(String::valueOf).toList());
    }

    @Check(asset = "chain/decoded_blocks", blocking = true)
    public boolean nonEmpty(Decoded decoded) {
      return !decoded.blocks().isEmpty();
    }

    @MultiAsset(
        name = "split",
        outputs = {
          @Output(key = "chain/evens", type = Decoded.class),
          @Output(key = "chain/odds", type = Decoded.class)
        })
    public AssetOutputs split(@Input("chain/decoded_blocks") Decoded decoded) {
      return AssetOutputs.of("chain/evens", decoded).and("chain/odds", decoded);
    }

    @Asset
    public int count(@Input("chain/raw_blocks") Raw raw) {
      return raw.blocks().size();
    }
  }

  @Test
  void readsEveryAnnotatedMethodWithInputsFromItsParameters() throws Exception {
    List<AssetsDefinition> defs = AnnotatedAssets.of(new ChainAssets());
    assertThat(defs)
        .extracting(AssetsDefinition::name)
        .containsExactly(
            "count", "chain/decoded_blocks", "chain/head", "chain/raw_blocks", "split");

    AssetDefinition decode = (AssetDefinition) defs.get(1);
    assertThat(decode.inputs())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.key()).isEqualTo(AssetKey.of("chain/raw_blocks"));
              assertThat(i.type()).isEqualTo(Raw.class);
            });
    assertThat(decode.spec().type()).isEqualTo(Decoded.class);
    assertThat(decode.spec().tags()).containsEntry("tier", "gold");
    assertThat(decode.spec().owners()).containsExactly("data@example.com");
    assertThat(decode.options().retryPolicy().maximumAttempts()).isEqualTo(3);
    assertThat(decode.options().startToCloseTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(decode.spec().checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("nonEmpty");
              assertThat(c.blocking()).isTrue();
            });
    @SuppressWarnings("unchecked")
    CheckFunction<Object> check = (CheckFunction<Object>) decode.spec().checks().get(0).function();
    assertThat(check.check(new Decoded(List.of())).passed()).isFalse();

    AssetDefinition count = (AssetDefinition) defs.get(0);
    assertThat(count.key()).isEqualTo(AssetKey.of("count"));
    assertThat(count.spec().type()).isEqualTo(Integer.class);

    AssetDefinition raw = (AssetDefinition) defs.get(3);
    assertThat(raw.deps()).containsExactly(AssetKey.of("chain/head"));
    assertThat(raw.spec().codeVersion()).isEqualTo("v1");
    assertThat(defs.get(2).kind()).isEqualTo(AssetKind.OBSERVABLE_SOURCE);
    assertThat(defs.get(4).specs())
        .extracting(AssetSpec::key)
        .containsExactly(AssetKey.of("chain/evens"), AssetKey.of("chain/odds"));
  }

  public static class BadParameter {
    @Asset
    public int a(String notAnInput) {
      return 1;
    }
  }

  public static class OrphanCheck {
    @Asset
    public int a() {
      return 1;
    }

    @Check(asset = "b")
    public boolean ok(int v) {
      return true;
    }
  }

  @Test
  void malformedClassesAreRefusedNamingTheMethod() {
    assertThatThrownBy(() -> AnnotatedAssets.of(new BadParameter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BadParameter.a")
        .hasMessageContaining("needs @Input");
    assertThatThrownBy(() -> AnnotatedAssets.of(new OrphanCheck()))
        .hasMessageContaining("@Check ok names asset b");
  }
}
