package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.store.CommitResult;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins code locations in the asset catalog: several apps share a namespace's graph, each
 * registration replaces only its own location's assets, a key defined by two locations is refused
 * naming both, upstream edges may cross locations (an unknown upstream is refused), and staleness
 * propagates across locations.
 */
public abstract class AssetLocationsContract extends AssetCatalogFixture {

  private Instant registerIn(String location, AssetNodeRecord... nodes) {
    Instant at = tick();
    commitOk(new RegisterAssetGraph(NS, location, List.of(nodes), at));
    return at;
  }

  private CommitResult.Conflict refusedIn(String location, AssetNodeRecord... nodes) {
    return commitConflict(new RegisterAssetGraph(NS, location, List.of(nodes), tick()));
  }

  @Test
  void twoLocationsShareTheGraphAndReplacingOneKeepsTheOther() {
    registerIn(
        "chain_app", computed("chain/raw", "v1"), computed("chain/decoded", "v1", "chain/raw"));
    registerIn("trades_app", computed("trades/raw", "v1"));

    assertThat(catalog().graph(NS))
        .extracting(AssetNodeRecord::assetKey, AssetNodeRecord::location)
        .containsExactly(
            tuple("chain/decoded", "chain_app"),
            tuple("chain/raw", "chain_app"),
            tuple("trades/raw", "trades_app"));

    registerIn("chain_app", computed("chain/raw", "v1"));

    assertThat(catalog().graph(NS))
        .extracting(AssetNodeRecord::assetKey, AssetNodeRecord::location)
        .containsExactly(tuple("chain/raw", "chain_app"), tuple("trades/raw", "trades_app"));
    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::assetKey)
        .containsExactly("chain/raw", "trades/raw");
  }

  @Test
  void aRegistrationWithoutALocationIsTheDefaultLocation() {
    register(computed("a", "v1"));
    registerIn("other_app", computed("b", "v1", "a"));

    assertThat(catalog().graph(NS))
        .extracting(AssetNodeRecord::assetKey, AssetNodeRecord::location)
        .containsExactly(tuple("a", AssetNodeRecord.DEFAULT_LOCATION), tuple("b", "other_app"));
  }

  @Test
  void aKeyDefinedByTwoLocationsIsRefusedNamingBothAndChangesNothing() {
    registerIn("chain_app", computed("shared/prices", "v1"));

    CommitResult.Conflict conflict = refusedIn("trades_app", computed("shared/prices", "v2"));

    assertThat(conflict.reason())
        .isEqualTo(
            "asset shared/prices is defined by two locations of namespace default: chain_app"
                + " (registered) and trades_app (registering)");
    assertThat(catalog().graph(NS))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.location()).isEqualTo("chain_app");
              assertThat(n.codeVersion()).isEqualTo("v1");
            });
  }

  @Test
  void upstreamEdgesMayCrossLocationsButAnUnknownUpstreamIsRefused() {
    registerIn("prices_app", computed("prices/raw", "v1"));
    registerIn("metrics_app", computed("metrics/daily", "v1", "prices/raw"));
    assertThat(catalog().graph(NS)).hasSize(2);

    CommitResult.Conflict unknown =
        refusedIn("metrics_app", computed("metrics/daily", "v1", "x/y"));
    assertThat(unknown.reason())
        .isEqualTo(
            "location metrics_app cannot register its graph: asset metrics/daily (location"
                + " metrics_app) reads unknown upstream x/y (defined by no location of the graph"
                + " of default)");

    CommitResult.Conflict removed = refusedIn("prices_app");
    assertThat(removed.reason())
        .contains("asset metrics/daily (location metrics_app) reads unknown upstream prices/raw");
    assertThat(catalog().graph(NS))
        .extracting(AssetNodeRecord::assetKey)
        .containsExactly("metrics/daily", "prices/raw");
  }

  @Test
  void aCycleThroughTwoLocationsIsRefusedWithTheCyclePrinted() {
    registerIn("one", computed("a", "v1"));
    registerIn("two", computed("b", "v1", "a"));

    CommitResult.Conflict cycle = refusedIn("one", computed("a", "v1", "b"));

    assertThat(cycle.reason())
        .startsWith("location one cannot register its graph: the asset graph has a cycle:")
        .contains("a -> b -> a");
  }

  @Test
  void stalenessPropagatesAcrossLocations() {
    registerIn("prices_app", computed("prices/raw", "v1"));
    registerIn("metrics_app", computed("metrics/daily", "v1", "prices/raw"));
    materialize("prices/raw", "p1", "v1");
    materialize("metrics/daily", "m1", "v1", "prices/raw");
    assertThat(state("metrics/daily").status()).isEqualTo(AssetStatus.FRESH);

    registerIn("prices_app", computed("prices/raw", "v2"));

    assertThat(state("prices/raw").reasons())
        .extracting(StaleReason::kind)
        .containsExactly(StaleReasonKind.CODE_VERSION_CHANGED);
    assertThat(state("metrics/daily").reasons())
        .containsExactly(StaleReason.upstreamStale("prices/raw", "prices/raw"));

    materialize("prices/raw", "p2", "v2");

    assertThat(state("prices/raw").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("metrics/daily").status()).isEqualTo(AssetStatus.STALE);
    assertThat(state("metrics/daily").reasons())
        .extracting(StaleReason::kind, StaleReason::upstreamKey)
        .containsExactly(tuple(StaleReasonKind.UPSTREAM_NEWER_DATA, "prices/raw"));

    registerIn("metrics_app", computed("metrics/daily", "v1", "prices/raw"));
    assertThat(state("metrics/daily").status())
        .as("re-registering the downstream location keeps its provenance")
        .isEqualTo(AssetStatus.STALE);
  }
}
