package dev.weft.store.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog records validate what they are given and name the field that is wrong. */
class AssetRecordsTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private static AssetNodeRecord node(String key, String... upstream) {
    return new AssetNodeRecord(key, AssetKind.COMPUTED, "v1", List.of(upstream), "default", null);
  }

  @Test
  void aKeyIsSegmentsOfWordCharactersJoinedBySlashes() {
    assertThat(node("chain/raw_blocks").assetKey()).isEqualTo("chain/raw_blocks");
    for (String bad : List.of("", " ", "a//b", "/a", "a/", "a-b", "a b")) {
      assertThatThrownBy(() -> node(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("assetKey '" + bad + "' is not an asset key");
    }
    assertThatThrownBy(() -> node(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("assetKey is null");
  }

  @Test
  void aNullPartitionIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new RecordObservation("default", "src", null, "h1", null, AT))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("partition (of asset src) is null")
        .hasMessageContaining("\"\"");
    assertThat(new RecordObservation("default", "src", "", "h1", null, AT).partition()).isEmpty();
  }

  @Test
  void blankFieldsAreRefusedByName() {
    assertThatThrownBy(() -> new RecordObservation(" ", "src", "", "h1", null, AT))
        .hasMessage("namespace is blank: expected a non-blank string");
    assertThatThrownBy(() -> new RecordObservation("default", "src", "", "", null, AT))
        .hasMessageContaining("dataVersion (of asset src) is blank");
    assertThatThrownBy(
            () ->
                new RecordCheckResult(
                    "default", "a", "", " ", null, true, CheckSeverity.WARN, false, null, AT))
        .hasMessageContaining("checkName (of asset a) is blank");
    assertThatThrownBy(
            () -> new AssetNodeRecord("a", AssetKind.COMPUTED, "", List.of(), "default", null))
        .hasMessageContaining("codeVersion (of asset a) is blank");
    assertThatThrownBy(
            () -> new AssetNodeRecord("a", AssetKind.COMPUTED, null, List.of(), "", null))
        .hasMessageContaining("group (of asset a) is blank");
  }

  @Test
  void aNodeListsEachUpstreamOnceAndNotItself() {
    assertThatThrownBy(() -> node("a", "b", "b")).hasMessage("asset a lists upstream b twice");
    assertThatThrownBy(() -> node("a", "a")).hasMessage("asset a lists itself as upstream");
    assertThatThrownBy(
            () ->
                new AssetNodeRecord(
                    "src", AssetKind.OBSERVABLE_SOURCE, null, List.of("a"), "default", null))
        .hasMessageContaining("observable source src has upstream [a]");
  }

  @Test
  void aGraphNamesDuplicateAndUnknownKeys() {
    assertThatThrownBy(() -> new RegisterAssetGraph("default", List.of(node("a"), node("a")), AT))
        .hasMessage("asset a is defined twice in the graph of default");
    // an upstream key of another location is allowed in a registration; the whole graph is not
    assertThat(new RegisterAssetGraph("default", "app_a", List.of(node("a", "zz")), AT).nodes())
        .singleElement()
        .extracting(AssetNodeRecord::location)
        .isEqualTo("app_a");
    assertThatThrownBy(
            () ->
                RegisterAssetGraph.requireComplete(
                    "default", List.of(node("a", "zz").inLocation("app_a"))))
        .hasMessage(
            "asset a (location app_a) reads unknown upstream zz (defined by no location of the"
                + " graph of default)");
  }

  @Test
  void aGraphWithACycleIsRefusedWithTheCyclePrinted() {
    List<AssetNodeRecord> nodes =
        List.of(node("root"), node("a", "root", "b"), node("b", "c"), node("c", "a"));
    assertThatThrownBy(() -> new RegisterAssetGraph("default", nodes, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the asset graph has a cycle: a -> b -> c -> a (each reads the next)");
    assertThat(
            new RegisterAssetGraph(
                    "default",
                    List.of(node("d", "b", "c"), node("b", "a"), node("c", "a"), node("a")),
                    AT)
                .nodes())
        .hasSize(4);
  }

  @Test
  void aMaterializationCopiesItsInputsAndEndsAfterItStarts() {
    Map<String, String> inputs = new HashMap<>(Map.of("b", "2", "a", "1"));
    MaterializationRecord m =
        new MaterializationRecord("c", "", "run-1", "d1", null, inputs, null, AT, AT);
    inputs.put("z", "9");
    assertThat(m.inputDataVersions()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThatThrownBy(
            () ->
                new MaterializationRecord(
                    "c", "", "run-1", "d1", null, Map.of(), null, AT, AT.minusMillis(1)))
        .hasMessageContaining("finished at");
    assertThatThrownBy(
            () ->
                new MaterializationRecord(
                    "c", "", "run-1", "d1", null, Map.of("a-b", "1"), null, AT, AT))
        .hasMessageContaining("inputDataVersions key (of asset c) 'a-b' is not an asset key");
  }

  @Test
  void reasonsAndStatesAreConsistent() {
    assertThat(StaleReason.codeVersionChanged("a", "v1", "v2").detail())
        .isEqualTo("code version changed: v1 -> v2");
    assertThatThrownBy(() -> new StaleReason(StaleReasonKind.CODE_VERSION_CHANGED, "b", "a", "x"))
        .hasMessageContaining("upstreamKey is 'b'");
    assertThatThrownBy(() -> new StaleReason(StaleReasonKind.UPSTREAM_STALE, null, "a", "x"))
        .hasMessage("upstreamKey is null");
    assertThatThrownBy(
            () ->
                new AssetStateRecord(
                    "a", "", AssetStatus.STALE, List.of(), null, null, null, null, AT))
        .hasMessage("asset a is STALE without a reason");
    assertThatThrownBy(
            () ->
                new AssetStateRecord(
                    "a",
                    "",
                    AssetStatus.FRESH,
                    List.of(StaleReason.upstreamStale("b", "c")),
                    null,
                    null,
                    null,
                    null,
                    AT))
        .hasMessageContaining("asset a is FRESH with stale reasons");
  }

  @Test
  void aHistoryEntryIsAMaterializationOrAFailure() {
    MaterializationRecord m =
        new MaterializationRecord("c", "", null, "d1", null, Map.of(), null, AT, AT);
    assertThat(new MaterializationEntry(1, m, null, null, AT).isFailure()).isFalse();
    assertThat(new MaterializationEntry(2, null, "Boom", "", AT).isFailure()).isTrue();
    assertThatThrownBy(() -> new MaterializationEntry(3, m, "Boom", "x", AT))
        .hasMessage("history entry 3 is both a materialization and a failure");
  }
}
