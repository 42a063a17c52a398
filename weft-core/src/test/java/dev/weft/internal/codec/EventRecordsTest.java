package dev.weft.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.store.EventRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final EventRecords records = new EventRecords(EventCodec.shared());

  @Test
  void aRecordIsNamedAfterItsEventTypeAndDecodesBackToTheEvent() {
    EventAttributes timer =
        new EventAttributes.TimerStarted(3, Duration.ofMinutes(2), NOW.plusSeconds(120));

    EventRecord record = records.record(7, NOW, timer);
    List<HistoryEvent> decoded = records.decode(List.of(record));

    assertThat(record.eventId()).isEqualTo(7);
    assertThat(record.type()).isEqualTo("TimerStarted");
    assertThat(record.time()).isEqualTo(NOW);
    assertThat(decoded).containsExactly(new HistoryEvent(7, NOW, timer));
  }

  @Test
  void decodingKeepsTheOrderOfTheRecords() {
    List<EventRecord> stored =
        List.of(
            records.record(1, NOW, new EventAttributes.WorkflowTaskCompleted("a")),
            records.record(2, NOW, new EventAttributes.TimerFired(1)));

    assertThat(records.decode(stored).stream().map(HistoryEvent::eventId)).containsExactly(1L, 2L);
  }
}
