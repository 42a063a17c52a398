package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.INFO;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static dev.weft.internal.runtime.RunParts.liveTask;
import static dev.weft.internal.runtime.RunParts.replayTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.SearchAttributeType;
import dev.weft.failure.UnsupportedVersionException;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.EventAttributes.SearchAttributesUpserted;
import dev.weft.history.IndexedValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MarkersTest {

  private static Markers markers(CurrentTask task) {
    return new Markers(INFO, task, PAYLOADS, SearchAttributeIndexer.BY_JAVA_TYPE);
  }

  @Test
  void aSideEffectRunsOnceLiveAndRecordsItsValue() {
    CurrentTask task = liveTask();
    AtomicInteger calls = new AtomicInteger();

    String value = markers(task).sideEffect(String.class, () -> "token-" + calls.incrementAndGet());

    assertThat(value).isEqualTo("token-1");
    assertThat(calls).hasValue(1);
    MarkerRecorded marker = (MarkerRecorded) task.produced().get(0);
    assertThat(marker.seq()).isEqualTo(1);
    assertThat(marker.name()).isEqualTo("SideEffect");
    assertThat(PAYLOADS.decode(marker.value(), String.class)).isEqualTo("token-1");
  }

  @Test
  void aReplayedSideEffectReturnsTheRecordedValueWithoutRunningAgain() {
    CurrentTask task =
        replayTask(
            new MarkerRecorded(1, "SideEffect", "", PAYLOADS.encode("recorded", "side effect")));
    AtomicInteger calls = new AtomicInteger();

    String value = markers(task).sideEffect(String.class, () -> "fresh-" + calls.incrementAndGet());

    assertThat(value).isEqualTo("recorded");
    assertThat(calls).hasValue(0);
  }

  @Test
  void liveCodeGetsTheNewestVersionRecordedOncePerChange() {
    CurrentTask task = liveTask();
    Markers markers = markers(task);

    int first = markers.getVersion("ship-first", Markers.DEFAULT_VERSION, 2);
    int again = markers.getVersion("ship-first", Markers.DEFAULT_VERSION, 2);

    assertThat(first).isEqualTo(2);
    assertThat(again).isEqualTo(2);
    assertThat(task.produced()).hasSize(1);
    MarkerRecorded marker = (MarkerRecorded) task.produced().get(0);
    assertThat(marker.key()).isEqualTo("ship-first");
    assertThat(marker.seq()).isZero();
  }

  @Test
  void replayWithoutAVersionMarkerGetsTheDefaultVersion() {
    CurrentTask task = replayTask();

    int version = markers(task).getVersion("ship-first", Markers.DEFAULT_VERSION, 1);

    assertThat(version).isEqualTo(Markers.DEFAULT_VERSION);
    assertThat(task.produced()).isEmpty();
  }

  @Test
  void replayReturnsTheRecordedVersion() {
    CurrentTask task =
        replayTask(
            new MarkerRecorded(
                0, Commands.VERSION_MARKER, "ship-first", PAYLOADS.encode(1, "version")));

    assertThat(markers(task).getVersion("ship-first", Markers.DEFAULT_VERSION, 3)).isEqualTo(1);
  }

  @Test
  void aRecordedVersionTheCodeNoLongerSupportsIsRefused() {
    CurrentTask task =
        replayTask(
            new MarkerRecorded(
                0, Commands.VERSION_MARKER, "ship-first", PAYLOADS.encode(1, "version")));

    assertThatThrownBy(() -> markers(task).getVersion("ship-first", 2, 3))
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessageContaining("ship-first");
  }

  @Test
  void upsertsRecordChangedAndRemovedAttributesAndTrackTheCurrentOnes() {
    CurrentTask task = liveTask();
    Markers markers = markers(task);
    markers.startWith(Map.of("Region", new IndexedValue(SearchAttributeType.KEYWORD, "eu")));
    Map<String, Object> changes = new HashMap<>();
    changes.put("Amount", 12);
    changes.put("Region", null);

    markers.upsertSearchAttributes(changes);

    SearchAttributesUpserted upsert = (SearchAttributesUpserted) task.produced().get(0);
    assertThat(upsert.values())
        .containsEntry("Amount", new IndexedValue(SearchAttributeType.INT, "12"));
    assertThat(upsert.removed()).isEqualTo(List.of("Region"));
    assertThat(markers.searchAttributes())
        .containsOnlyKeys("Amount")
        .isEqualTo(markers.currentSearchAttributes());
  }

  @Test
  void anEmptyUpsertIsRefused() {
    assertThatThrownBy(() -> markers(liveTask()).upsertSearchAttributes(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one entry");
  }
}
