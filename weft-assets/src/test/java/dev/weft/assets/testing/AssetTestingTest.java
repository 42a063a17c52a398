package dev.weft.assets.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetCheck;
import dev.weft.assets.AssetDefinition;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetOutcome;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.CheckResult;
import dev.weft.assets.DataVersion;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The testing kit on its real engine and SQLite store. */
class AssetTestingTest {
  private final AtomicInteger rawComputes = new AtomicInteger();

  AssetDefinition raw() {
    return Asset.builder("chain/raw")
        .codeVersion("v1")
        .output(Integer.class)
        .compute(
            ctx -> {
              rawComputes.incrementAndGet();
              return 10;
            });
  }

  AssetDefinition doubled(String codeVersion) {
    return Asset.builder("chain/doubled")
        .codeVersion(codeVersion)
        .input("chain/raw", Integer.class)
        .output(Integer.class)
        .compute(
            ctx -> {
              int v = ctx.input("chain/raw", Integer.class) * 2;
              ctx.addMetadata("rows", v);
              return v;
            });
  }

  AssetDefinition plusOne() {
    return Asset.builder("chain/plus_one")
        .codeVersion("v1")
        .input("chain/doubled", Integer.class)
        .output(Integer.class)
        .compute(ctx -> ctx.input("chain/doubled", Integer.class) + 1);
  }

  @Test
  void aSelectionBelowAGivenValueComputesFromIt() {
    List<AssetsDefinition> defs = List.of(raw(), doubled("v1"), plusOne());
    try (AssetTesting kit = AssetTesting.builder(defs).withValue("chain/raw", 21).build()) {
      AssetTestResult result = kit.materialize("chain/doubled+");

      assertThat(result.succeeded()).isTrue();
      assertThat(rawComputes).hasValue(0);
      assertThat(result.run().outcomes())
          .extracting(o -> o.key().path())
          .containsExactly("chain/doubled", "chain/plus_one");
      assertThat(result.value("chain/doubled", Integer.class)).isEqualTo(42);
      assertThat(result.value("chain/plus_one", Integer.class)).isEqualTo(43);
      assertThat(result.metadata("chain/doubled")).containsEntry("rows", 42);
      assertThat(result.status("chain/raw")).isEqualTo(AssetStatus.FRESH);
      assertThat(result.metadata("chain/raw")).containsEntry("given", true);
      assertThat(result.status("chain/plus_one")).isEqualTo(AssetStatus.FRESH);
      String rawVersion = result.dataVersion("chain/raw");
      assertThat(rawVersion).isEqualTo(DataVersion.ofText("21").value());
      assertThat(result.current(AssetKey.of("chain/doubled")).inputDataVersions())
          .containsExactly(Map.entry("chain/raw", rawVersion));
    }
  }

  @Test
  void theOneShotFormComputesEverythingAndClosesItsKit() {
    try (AssetTestResult result =
        AssetTesting.materialize(List.of(raw(), doubled("v1"), plusOne()), "*")) {
      assertThat(result.succeeded()).isTrue();
      assertThat(result.value("chain/plus_one", Integer.class)).isEqualTo(21);
      assertThat(result.outcome("chain/raw").status()).isEqualTo(AssetOutcome.Status.MATERIALIZED);
      assertThat(rawComputes).hasValue(1);
    }
  }

  @Test
  void aFailedBlockingCheckSkipsTheDownstreamWithTheReason() {
    AssetDefinition checked =
        Asset.builder("chain/raw")
            .output(Integer.class)
            .check(
                AssetCheck.<Integer>error(
                        "positive", v -> new CheckResult(v > 0, Map.of("value", v)))
                    .asBlocking())
            .check(AssetCheck.<Integer>warn("small", v -> CheckResult.of(v < 10)))
            .compute(ctx -> -5);
    try (AssetTestResult result = AssetTesting.builder(checked, doubled("v1")).materialize("*")) {
      assertThat(result.succeeded()).isFalse();
      assertThat(result.run().failedBlockingChecks()).containsExactly("chain/raw:positive");
      assertThat(result.check("chain/raw", "positive").passed()).isFalse();
      assertThat(result.check("chain/raw", "positive").severity()).isEqualTo(CheckSeverity.ERROR);
      assertThat(result.check("chain/raw", "positive").metadataJson()).contains("\"value\":-5");
      assertThat(result.check("chain/raw", "small").passed()).isTrue();
      AssetOutcome doubled = result.outcome("chain/doubled");
      assertThat(doubled.status()).isEqualTo(AssetOutcome.Status.SKIPPED);
      assertThat(doubled.message()).contains("chain/raw").contains("positive");
      assertThat(result.status("chain/doubled")).isEqualTo(AssetStatus.MISSING);
      assertThatThrownBy(() -> result.value("chain/doubled", Integer.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("asset chain/doubled");
    }
  }

  @Test
  void aCodeVersionChangeMakesTheAssetStaleWithTheReason() {
    try (AssetTesting kit =
        AssetTesting.builder(raw(), doubled("v1"), plusOne()).withValue("chain/raw", 1).build()) {
      AssetTestResult result = kit.materialize("chain/doubled+");
      assertThat(result.status("chain/plus_one")).isEqualTo(AssetStatus.FRESH);

      kit.redefine(List.of(raw(), doubled("v2"), plusOne()));

      assertThat(result.status("chain/doubled")).isEqualTo(AssetStatus.STALE);
      assertThat(result.staleReasons("chain/doubled"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(StaleReasonKind.CODE_VERSION_CHANGED);
                assertThat(r.detail()).contains("v1").contains("v2");
              });
      assertThat(result.staleReasons("chain/plus_one"))
          .extracting(StaleReason::kind, StaleReason::rootCauseKey)
          .containsExactly(tuple(StaleReasonKind.UPSTREAM_STALE, "chain/doubled"));
      assertThat(result.status("chain/raw")).isEqualTo(AssetStatus.FRESH);

      AssetTestResult again = kit.materialize("chain/doubled+");
      assertThat(again.status("chain/doubled")).isEqualTo(AssetStatus.FRESH);
      assertThat(again.status("chain/plus_one")).isEqualTo(AssetStatus.FRESH);
      assertThat(again.current(AssetKey.of("chain/doubled")).codeVersion()).isEqualTo("v2");
    }
  }

  @Test
  void aGivenValueOfAnUnknownAssetIsRefusedNamingIt() {
    assertThatThrownBy(() -> AssetTesting.builder(raw()).withValue("chain/nope", 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withValue(chain/nope)")
        .hasMessageContaining("chain/raw");
  }
}
