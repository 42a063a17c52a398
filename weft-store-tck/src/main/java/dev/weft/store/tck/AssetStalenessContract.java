package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins how the asset catalog keeps staleness as writes commit, from recorded provenance only: a
 * code version change (naming both versions), an upstream with newer data, a stale upstream with
 * the root cause, rematerializing clearing it, a failure keeping its reasons, observations of a
 * source staling exactly its dependents (and an unchanged one changing nothing but its time),
 * changed upstream lists. The graph is {@code a -> b -> c} (c reads b, b reads a) unless a test
 * says otherwise.
 */
public abstract class AssetStalenessContract extends AssetCatalogFixture {

  private void materializedChain() {
    register(computed("a", "v1"), computed("b", "v1", "a"), computed("c", "v1", "b"));
    materialize("a", "d1", "v1");
    materialize("b", "e1", "v1", "a");
    materialize("c", "f1", "v1", "b");
  }

  private List<StaleReason> reasons(String key) {
    return state(key).reasons();
  }

  @Test
  void aCodeVersionChangeStalesTheAssetNamingBothVersionsAndItsDownstreamWithTheRootCause() {
    materializedChain();
    register(computed("a", "v2"), computed("b", "v1", "a"), computed("c", "v1", "b"));

    assertThat(state("a").status()).isEqualTo(AssetStatus.STALE);
    assertThat(reasons("a"))
        .containsExactly(
            new StaleReason(
                StaleReasonKind.CODE_VERSION_CHANGED, null, "a", "code version changed: v1 -> v2"));
    assertThat(reasons("b")).containsExactly(StaleReason.upstreamStale("a", "a"));
    assertThat(reasons("c")).containsExactly(StaleReason.upstreamStale("b", "a"));
    assertThat(reasons("c").get(0).detail()).isEqualTo("upstream b is stale (root cause: a)");
    assertThat(catalog().stale(NS))
        .extracting(AssetStateRecord::assetKey)
        .containsExactly("a", "b", "c");
    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::status)
        .containsOnly(AssetStatus.STALE);

    register(computed("a", "v1"), computed("b", "v1", "a"), computed("c", "v1", "b"));
    assertThat(catalog().stale(NS)).as("back to the code that ran").isEmpty();
  }

  @Test
  void aCodeVersionChangeOfANeverMaterializedAssetLeavesItMissing() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    materialize("a", "d1", "v1");
    register(computed("a", "v1"), computed("b", "v2", "a"));

    assertThat(state("b").status()).isEqualTo(AssetStatus.MISSING);
    assertThat(catalog().stale(NS)).isEmpty();
  }

  @Test
  void newerUpstreamDataStalesTheDirectDownstreamAndTheRestWithTheRootCause() {
    materializedChain();
    materialize("a", "d2", "v1");

    assertThat(state("a").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("b").status()).isEqualTo(AssetStatus.STALE);
    assertThat(reasons("b"))
        .containsExactly(
            new StaleReason(
                StaleReasonKind.UPSTREAM_NEWER_DATA,
                "a",
                "a",
                "upstream a has newer data: consumed d1, current d2"));
    assertThat(reasons("c")).containsExactly(StaleReason.upstreamStale("b", "a"));
  }

  @Test
  void rematerializingTheConsumersClearsItStepByStep() {
    materializedChain();
    materialize("a", "d2", "v1");

    materialize("b", "e2", "v1", "a");
    assertThat(state("b").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(reasons("c")).containsExactly(StaleReason.upstreamNewerData("b", "e1", "e2"));

    materialize("c", "f2", "v1", "b");
    assertThat(catalog().stale(NS)).isEmpty();
    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::status)
        .containsOnly(AssetStatus.FRESH);
  }

  @Test
  void aConsumerThatProducesTheSameDataVersionAgainLeavesItsDownstreamFresh() {
    materializedChain();
    materialize("a", "d2", "v1");

    materialize("b", "e1", "v1", "a");

    assertThat(catalog().stale(NS)).as("c consumed e1, which is current again").isEmpty();
  }

  @Test
  void materializingBelowAStaleUpstreamKeepsTheAssetStale() {
    materializedChain();
    register(computed("a", "v2"), computed("b", "v1", "a"), computed("c", "v1", "b"));

    materialize("b", "e2", "v1", "a");

    assertThat(state("b").status()).isEqualTo(AssetStatus.STALE);
    assertThat(reasons("b")).containsExactly(StaleReason.upstreamStale("a", "a"));
    assertThat(reasons("c"))
        .containsExactly(
            StaleReason.upstreamNewerData("b", "e1", "e2"), StaleReason.upstreamStale("b", "a"));

    materialize("a", "d2", "v2");
    assertThat(reasons("b")).containsExactly(StaleReason.upstreamNewerData("a", "d1", "d2"));
    assertThat(reasons("c"))
        .containsExactly(
            StaleReason.upstreamNewerData("b", "e1", "e2"), StaleReason.upstreamStale("b", "a"));
  }

  @Test
  void aFailedAssetShowsFailedAndKeepsItsReasons() {
    materializedChain();
    materialize("a", "d2", "v1");
    fail("b", "boom");

    AssetStateRecord b = state("b");
    assertThat(b.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(b.reasons()).containsExactly(StaleReason.upstreamNewerData("a", "d1", "d2"));
    assertThat(b.current().dataVersion()).isEqualTo("e1");
    assertThat(reasons("c")).containsExactly(StaleReason.upstreamStale("b", "a"));
    assertThat(catalog().stale(NS))
        .extracting(AssetStateRecord::assetKey)
        .containsExactly("b", "c");

    materialize("b", "e2", "v1", "a");
    assertThat(state("b").status()).isEqualTo(AssetStatus.FRESH);
  }

  @Test
  void aChangedObservationStalesExactlyItsDependents() {
    register(
        source("src"), computed("a", "v1", "src"), computed("b", "v1", "a"), computed("x", "v1"));
    observe("src", "h1");
    assertThat(state("src").status()).isEqualTo(AssetStatus.FRESH);
    materialize("a", "d1", "v1", "src");
    materialize("b", "e1", "v1", "a");
    materialize("x", "y1", "v1");
    AssetStateRecord x = state("x");

    Instant observed = observe("src", "h2");

    assertThat(state("src").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("src").lastObservedDataVersion()).isEqualTo("h2");
    assertThat(state("src").updatedAt()).isEqualTo(observed);
    assertThat(reasons("a")).containsExactly(StaleReason.upstreamNewerData("src", "h1", "h2"));
    assertThat(reasons("b")).containsExactly(StaleReason.upstreamStale("a", "src"));
    assertThat(catalog().stale(NS))
        .extracting(AssetStateRecord::assetKey)
        .containsExactly("a", "b");
    assertThat(state("x")).isEqualTo(x);
  }

  @Test
  void anUnchangedObservationChangesNothingButTheObservationTime() {
    register(source("src"), computed("a", "v1", "src"), computed("b", "v1", "a"));
    observe("src", "h1");
    materialize("a", "d1", "v1", "src");
    materialize("b", "e1", "v1", "a");
    materialize("a", "d2", "v1", "src");
    List<AssetStateRecord> before = catalog().states(NS);

    Instant observed = observe("src", "h1");

    List<AssetStateRecord> after = catalog().states(NS);
    assertThat(after.get(0)).isEqualTo(before.get(0)); // a
    assertThat(after.get(1)).isEqualTo(before.get(1)); // b, stale for a's newer data
    AssetStateRecord src = after.get(2);
    assertThat(src.assetKey()).isEqualTo("src");
    assertThat(src.updatedAt()).isEqualTo(observed).isAfter(before.get(2).updatedAt());
    assertThat(src.lastObservedDataVersion()).isEqualTo("h1");
    assertThat(src.status()).isEqualTo(AssetStatus.FRESH);
  }

  @Test
  void anUpstreamAddedToAnAssetIsNewerDataItNeverConsumed() {
    register(computed("a", "v1"), computed("b", "v1"));
    materialize("a", "d1", "v1");
    materialize("b", "e1", "v1");

    register(computed("a", "v1"), computed("b", "v1", "a"));
    assertThat(reasons("b")).containsExactly(StaleReason.upstreamNewerData("a", "none", "d1"));

    register(computed("a", "v1"), computed("b", "v1"));
    assertThat(state("b").status()).as("the upstream is gone again").isEqualTo(AssetStatus.FRESH);
  }

  @Test
  void aDiamondIsRecomputedOnceWithEveryPath() {
    register(
        computed("a", "v1"),
        computed("l", "v1", "a"),
        computed("r", "v1", "a"),
        computed("j", "v1", "l", "r"));
    materialize("a", "d1", "v1");
    materialize("l", "l1", "v1", "a");
    materialize("r", "r1", "v1", "a");
    materialize("j", "j1", "v1", "l", "r");

    register(
        computed("a", "v2"),
        computed("l", "v1", "a"),
        computed("r", "v1", "a"),
        computed("j", "v1", "l", "r"));

    assertThat(reasons("j"))
        .containsExactly(StaleReason.upstreamStale("l", "a"), StaleReason.upstreamStale("r", "a"));
    record("", "j", "j2", "v1", Map.of("l", "l1", "r", "r0"));
    assertThat(reasons("j"))
        .containsExactly(
            StaleReason.upstreamStale("l", "a"),
            StaleReason.upstreamNewerData("r", "r0", "r1"),
            StaleReason.upstreamStale("r", "a"));
  }
}
