package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link Write.AppendEvents} and {@code readHistory}: appends are conditional on the run's
 * next event ID (a wrong expectation conflicts and writes nothing), they advance the next event ID
 * and the history size by the events' data sizes, and the history reads back in order, byte for
 * byte, from any event ID, whole or one page of at most {@code maxEvents}.
 */
public abstract class HistoryContract extends StoreContract {

  @Test
  void appendAdvancesTheNextEventId() {
    startRun("r1");

    commitOk(new Write.AppendEvents("r1", 1, events(1, 3)));
    commitOk(new Write.AppendEvents("r1", 4, events(4, 2)));

    assertThat(storedRun("r1").nextEventId()).isEqualTo(6);
  }

  @Test
  void appendWithAnOldExpectedNextEventIdConflictsAndWritesNothing() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, events(1, 3)));
    Write.AppendEvents stale = new Write.AppendEvents("r1", 3, List.of(event(3, "stale")));

    CommitResult.Conflict conflict = commitConflict(stale);

    assertThat(conflict.write()).isEqualTo(stale);
    assertThat(store.readHistory("r1", 1))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(events(1, 3));
    assertThat(storedRun("r1").nextEventId()).isEqualTo(4);
  }

  @Test
  void appendWithAFutureExpectedNextEventIdConflictsAndWritesNothing() {
    startRun("r1");
    long bytesBefore = storedRun("r1").historyBytes();

    commitConflict(new Write.AppendEvents("r1", 2, events(2, 2)));

    assertThat(store.readHistory("r1", 1)).isEmpty();
    assertThat(storedRun("r1").nextEventId()).isEqualTo(1);
    assertThat(storedRun("r1").historyBytes()).isEqualTo(bytesBefore);
    assertThat(store.stats().historyEvents()).isZero();
  }

  @Test
  void appendToAMissingRunConflicts() {
    commitConflict(new Write.AppendEvents("missing", 1, events(1, 1)));

    assertThat(store.readHistory("missing", 1)).isEmpty();
  }

  @Test
  void historyReadsBackInOrderFromAGivenEventId() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, events(1, 3)));
    commitOk(new Write.AppendEvents("r1", 4, events(4, 3)));

    assertThat(store.readHistory("r1", 1))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(events(1, 6));
    assertThat(store.readHistory("r1", 4))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(events(4, 3));
    assertThat(store.readHistory("r1", 6)).extracting(EventRecord::eventId).containsExactly(6L);
    assertThat(store.readHistory("r1", 7)).isEmpty();
  }

  @Test
  void aHistoryPageReadsAtMostMaxEventsFromTheGivenEventId() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, events(1, 7)));

    assertThat(store.readHistory("r1", 1, 3))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(events(1, 3));
    assertThat(store.readHistory("r1", 4, 3))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(events(4, 3));
    assertThat(store.readHistory("r1", 7, 3)).extracting(EventRecord::eventId).containsExactly(7L);
    assertThat(store.readHistory("r1", 8, 3)).isEmpty();
    assertThat(store.readHistory("r1", 1, 100)).hasSize(7);
    assertThat(store.readHistory("missing", 1, 3)).isEmpty();
  }

  @Test
  void aHistoryPageOfLessThanOneEventIsRefusedNamingTheRun() {
    startRun("r1");

    assertThatThrownBy(() -> store.readHistory("r1", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r1")
        .hasMessageContaining("maxEvents")
        .hasMessageContaining("was 0");
  }

  @Test
  void eventDataReadsBackByteForByte() {
    startRun("r1");
    byte[] allBytes = new byte[256];
    for (int i = 0; i < allBytes.length; i++) {
      allBytes[i] = (byte) i;
    }
    EventRecord binary = new EventRecord(1, "Binary", T0.plusMillis(1), allBytes);
    EventRecord empty = new EventRecord(2, "Empty", T0.plusMillis(2), new byte[0]);

    commitOk(new Write.AppendEvents("r1", 1, List.of(binary, empty)));

    assertThat(store.readHistory("r1", 1))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(binary, empty);
  }

  @Test
  void historyBytesGrowByTheEventDataSizes() {
    startRun("r1");
    List<EventRecord> first = new ArrayList<>();
    first.add(new EventRecord(1, "A", T0, new byte[3]));
    first.add(new EventRecord(2, "B", T0, new byte[0]));
    first.add(new EventRecord(3, "C", T0, new byte[1000]));

    commitOk(new Write.AppendEvents("r1", 1, first));
    assertThat(storedRun("r1").historyBytes()).isEqualTo(1003);

    commitOk(new Write.AppendEvents("r1", 4, List.of(new EventRecord(4, "D", T0, new byte[7]))));
    assertThat(storedRun("r1").historyBytes()).isEqualTo(1010);
  }

  @Test
  void historiesOfRunsAreSeparate() {
    startRun("r1");
    startRun("r2");

    commitOk(
        new Write.AppendEvents("r1", 1, List.of(event(1, "of r1"))),
        new Write.AppendEvents("r2", 1, List.of(event(1, "of r2"), event(2, "of r2"))));

    assertThat(store.readHistory("r1", 1))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(event(1, "of r1"));
    assertThat(store.readHistory("r2", 1)).hasSize(2);
    assertThat(storedRun("r1").nextEventId()).isEqualTo(2);
    assertThat(storedRun("r2").nextEventId()).isEqualTo(3);
  }
}
