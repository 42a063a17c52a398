package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.store.Write;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.MaterializationEntry;
import dev.weft.store.assets.MaterializationPage;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordCheckResult;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RegisterAssetGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the asset catalog's writes and reads (the asset-catalog extension every SQL store installs):
 * the graph as registered, a state for every asset of the graph (missing ones included), the
 * current materialization, history newest first in pages, the latest result per check, removed
 * assets that keep their history, partitions and namespaces kept apart, and catalog writes rolled
 * back with a conflicting core write of their batch. Staleness: {@link AssetStalenessContract}.
 */
public abstract class AssetCatalogContract extends AssetCatalogFixture {

  @Test
  void theGraphIsReadBackByKeyAsRegistered() {
    AssetNodeRecord blocks =
        new AssetNodeRecord(
            "chain/raw_blocks",
            AssetKind.COMPUTED,
            "v1",
            List.of("chain/head"),
            "chain",
            "{\"description\":\"blocks\"}");
    register(
        computed("chain/decoded", "v2", "chain/raw_blocks", "chain/head"),
        blocks,
        source("chain/head"));

    assertThat(catalog().graph(NS))
        .containsExactly(
            computed("chain/decoded", "v2", "chain/raw_blocks", "chain/head"),
            source("chain/head"),
            blocks);
    assertThat(catalog().graph("other")).isEmpty();

    AssetNodeRecord described =
        new AssetNodeRecord(
            "chain/raw_blocks", AssetKind.COMPUTED, "v1", List.of(), "raw", "{\"owners\":[]}");
    register(described);
    assertThat(catalog().graph(NS)).containsExactly(described);
  }

  @Test
  void everyAssetOfTheGraphHasAStateMissingUntilItHasData() {
    Instant registered = register(computed("a", "v1"), computed("b", "v1", "a"));

    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::assetKey, AssetStateRecord::status)
        .containsExactly(tuple("a", AssetStatus.MISSING), tuple("b", AssetStatus.MISSING));
    AssetStateRecord a = state("a");
    assertThat(a.partition()).isEmpty();
    assertThat(a.reasons()).isEmpty();
    assertThat(a.current()).isNull();
    assertThat(a.updatedAt()).isEqualTo(registered);
    assertThat(catalog().states(NS).get(0)).isEqualTo(a);
    assertThat(catalog().state(NS, "zz", "")).isEmpty();
    assertThat(catalog().stale(NS)).isEmpty();
  }

  @Test
  void aMaterializationIsCurrentFreshAndInTheHistory() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    materialize("a", "d1", "v1");
    MaterializationRecord b = materialize("b", "e1", "v1", "a");

    AssetStateRecord state = state("b");
    assertThat(state.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state.current()).isEqualTo(b);
    assertThat(state.current().inputDataVersions()).containsExactly(Map.entry("a", "d1"));
    assertThat(state.current().metadataJson()).isEqualTo("{\"rows\":1}");
    assertThat(state.dataVersion()).isEqualTo("e1");
    assertThat(state.updatedAt()).isEqualTo(b.finishedAt());
    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::status)
        .containsExactly(AssetStatus.FRESH, AssetStatus.FRESH);
    assertThat(catalog().states(NS).get(1)).isEqualTo(state);
    MaterializationPage history = catalog().history(NS, "b", "", null, 10);
    assertThat(history.entries()).extracting(MaterializationEntry::m).containsExactly(b);
    assertThat(history.entries().get(0).at()).isEqualTo(b.finishedAt());
    assertThat(history.nextPageToken()).isNull();
  }

  @Test
  void aFailureIsInTheHistoryAndKeepsThePreviousMaterializationCurrent() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    MaterializationRecord good = materialize("a", "d1", "v1");
    materialize("b", "e1", "v1", "a");
    Instant failedAt = fail("a", "boom");

    AssetStateRecord a = state("a");
    assertThat(a.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(a.current()).isEqualTo(good);
    assertThat(a.lastFailureMessage()).isEqualTo("IllegalStateException: boom");
    assertThat(a.lastFailureAt()).isEqualTo(failedAt);
    assertThat(state("b").status())
        .as("downstream still reads the good data")
        .isEqualTo(AssetStatus.FRESH);
    List<MaterializationEntry> entries = catalog().history(NS, "a", "", null, 10).entries();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).isFailure()).isTrue();
    assertThat(entries.get(0).failureType()).isEqualTo("IllegalStateException");
    assertThat(entries.get(0).failureMessage()).isEqualTo("boom");
    assertThat(entries.get(0).at()).isEqualTo(failedAt);
    assertThat(entries.get(1).m()).isEqualTo(good);
    assertThat(entries.get(0).id()).isGreaterThan(entries.get(1).id());

    MaterializationRecord again = materialize("a", "d1", "v1");
    assertThat(state("a").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("a").current()).isEqualTo(again);
    assertThat(state("a").lastFailureAt()).as("the last failure stays known").isEqualTo(failedAt);
  }

  @Test
  void aFailureBeforeAnySuccessIsFailedWithoutCurrentData() {
    register(computed("a", "v1"));
    fail("a", "");

    AssetStateRecord a = state("a");
    assertThat(a.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(a.current()).isNull();
    assertThat(a.lastFailureMessage()).isEqualTo("IllegalStateException");
    assertThat(catalog().stale(NS)).isEmpty();
  }

  @Test
  void historyIsPagedNewestFirstAndKeptPerPartition() {
    register(computed("a", "v1"));
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      if (i == 3) {
        fail("a", "third");
      } else {
        materialize("a", "d" + i, "v1");
      }
    }
    materializeIn("2026-01-01", "a", "p1", "v1");

    List<MaterializationEntry> all = new ArrayList<>();
    String token = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      MaterializationPage page = catalog().history(NS, "a", "", token, 2);
      sizes.add(page.entries().size());
      all.addAll(page.entries());
      token = page.nextPageToken();
    } while (token != null);

    assertThat(sizes).containsExactly(2, 2, 1);
    for (MaterializationEntry e : all) {
      ids.add(e.id());
    }
    assertThat(ids).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();
    assertThat(all)
        .extracting(e -> e.isFailure() ? "failed" : e.m().dataVersion())
        .containsExactly("d5", "d4", "failed", "d2", "d1");
    assertThat(catalog().history(NS, "a", "2026-01-01", null, 10).entries())
        .extracting(e -> e.m().dataVersion())
        .containsExactly("p1");
    assertThat(catalog().history(NS, "a", "", null, 5).nextPageToken()).isNull();
    assertThat(catalog().history(NS, "zz", "", null, 5).entries()).isEmpty();
    assertThatThrownBy(() -> catalog().history(NS, "a", "", "nonsense", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken 'nonsense'");
    assertThatThrownBy(() -> catalog().history(NS, "a", "", null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit is 0");
    assertThatThrownBy(() -> catalog().history(NS, "a", null, null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("partition is null");
    assertThatThrownBy(() -> catalog().state(NS, "a b", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assetKey 'a b'");
  }

  @Test
  void latestChecksHoldTheLatestResultOfEachCheck() {
    register(computed("a", "v1"), computed("b", "v1"));
    Instant first = tick();
    commitOk(check("a", "not_null", true, first));
    Instant second = tick();
    commitOk(
        check("a", "not_null", false, second),
        new RecordCheckResult(
            NS, "a", "", "unique", null, true, CheckSeverity.WARN, false, null, second),
        check("b", "not_null", false, second));

    assertThat(catalog().latestChecks(NS, "a", ""))
        .containsExactly(
            new CheckResultRecord(
                "a",
                "",
                "not_null",
                "run-a",
                false,
                CheckSeverity.ERROR,
                true,
                "{\"nulls\":3}",
                second),
            new CheckResultRecord(
                "a", "", "unique", null, true, CheckSeverity.WARN, false, null, second));
    assertThat(catalog().latestChecks(NS, "a", "2026-01-01")).isEmpty();
    assertThat(state("a").status())
        .as("checks do not change the status")
        .isEqualTo(AssetStatus.MISSING);
  }

  @Test
  void theLatestChecksOfEveryAssetAreReadInOneCall() {
    register(computed("a", "v1"), computed("b", "v1"), computed("c", "v1"));
    commitOk(check("b", "not_null", true, tick()));
    Instant later = tick();
    commitOk(
        check("b", "not_null", false, later),
        check("a", "rows", true, later),
        new RecordCheckResult(
            NS, "a", "2026-01-01", "rows", "run-p", false, CheckSeverity.WARN, false, null, later),
        new RecordCheckResult(
            "other", "a", "", "rows", "run-o", true, CheckSeverity.WARN, false, null, later));

    assertThat(catalog().latestChecks(NS))
        .extracting(
            CheckResultRecord::assetKey,
            CheckResultRecord::partition,
            CheckResultRecord::checkName,
            CheckResultRecord::passed,
            CheckResultRecord::severity,
            CheckResultRecord::at)
        .containsExactly(
            tuple("a", "", "rows", true, CheckSeverity.ERROR, later),
            tuple("a", "2026-01-01", "rows", false, CheckSeverity.WARN, later),
            tuple("b", "", "not_null", false, CheckSeverity.ERROR, later));
    assertThat(catalog().latestChecks(NS).get(2))
        .as("the same record as the per-asset read")
        .isEqualTo(catalog().latestChecks(NS, "b", "").get(0));
    assertThat(catalog().latestChecks("nobody")).isEmpty();
  }

  @Test
  void aRemovedAssetLeavesTheGraphButKeepsItsStateAndHistory() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    materialize("a", "d1", "v1");
    MaterializationRecord b = materialize("b", "e1", "v1", "a");

    register(computed("a", "v1"));

    assertThat(catalog().graph(NS)).extracting(AssetNodeRecord::assetKey).containsExactly("a");
    assertThat(catalog().states(NS)).extracting(AssetStateRecord::assetKey).containsExactly("a");
    assertThat(state("b").current()).isEqualTo(b);
    assertThat(catalog().history(NS, "b", "", null, 10).entries()).hasSize(1);

    materialize("a", "d2", "v1");
    assertThat(state("b").status())
        .as("no longer in the graph: not recomputed")
        .isEqualTo(AssetStatus.FRESH);
    register(computed("a", "v1"), computed("b", "v1", "a"));
    assertThat(catalog().states(NS))
        .extracting(AssetStateRecord::assetKey)
        .containsExactly("a", "b");
    assertThat(state("b").status())
        .as("back in the graph: recomputed")
        .isEqualTo(AssetStatus.STALE);
  }

  @Test
  void aMaterializationOfAnAssetOutsideTheGraphIsRecorded() {
    MaterializationRecord m = materialize("orphan", "d1", null);

    assertThat(state("orphan").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("orphan").current()).isEqualTo(m);
    assertThat(catalog().states(NS)).isEmpty();
  }

  @Test
  void partitionsAndNamespacesAreKeptApart() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    materializeIn("p1", "a", "d1", "v1");
    materializeIn("p1", "b", "e1", "v1", "a");
    materializeIn("p2", "a", "d1", "v1");
    materializeIn("p2", "b", "e1", "v1", "a");
    commitOk(new RegisterAssetGraph("other", List.of(computed("a", "v9")), tick()));

    materializeIn("p1", "a", "d2", "v1");

    assertThat(catalog().states(NS))
        .extracting(s -> s.assetKey() + "/" + s.partition() + "=" + s.status())
        .containsExactly("a/p1=FRESH", "a/p2=FRESH", "b/p1=STALE", "b/p2=FRESH");
    assertThat(catalog().states("other"))
        .extracting(AssetStateRecord::status)
        .containsExactly(AssetStatus.MISSING);
    assertThat(catalog().stale(NS))
        .extracting(s -> s.assetKey() + "/" + s.partition())
        .containsExactly("b/p1");
    assertThat(catalog().graph("other")).containsExactly(computed("a", "v9"));
  }

  @Test
  void catalogWritesAreRolledBackWithAConflictingCoreWrite() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    MaterializationRecord a = materialize("a", "d1", "v1");
    materialize("b", "e1", "v1", "a");
    List<AssetStateRecord> before = catalog().states(NS);
    Instant at = tick();

    commitConflict(
        new RegisterAssetGraph(NS, List.of(computed("a", "v2")), at),
        new RecordMaterialization(
            NS, new MaterializationRecord("a", "", "r9", "d9", "v2", Map.of(), null, at, at)),
        check("a", "not_null", true, at),
        new Write.DeleteTimer("r1", 99, true));

    assertThat(catalog().graph(NS)).extracting(AssetNodeRecord::assetKey).containsExactly("a", "b");
    assertThat(catalog().states(NS)).isEqualTo(before);
    assertThat(state("a").current()).isEqualTo(a);
    assertThat(catalog().history(NS, "a", "", null, 10).entries()).hasSize(1);
    assertThat(catalog().latestChecks(NS, "a", "")).isEmpty();

    materialize("a", "d2", "v1");
    assertThat(state("b").status())
        .as("the graph cached by a rolled-back registration is not used")
        .isEqualTo(AssetStatus.STALE);
  }

  private static RecordCheckResult check(String key, String name, boolean passed, Instant at) {
    return new RecordCheckResult(
        NS,
        key,
        "",
        name,
        "run-" + key,
        passed,
        CheckSeverity.ERROR,
        true,
        passed ? null : "{\"nulls\":3}",
        at);
  }
}
