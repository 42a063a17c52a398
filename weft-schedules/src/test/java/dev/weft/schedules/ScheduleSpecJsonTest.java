package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.converter.Payload;
import dev.weft.failure.DataConverterException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The spec travels in a schedule workflow's state through the engine's JSON converter. */
class ScheduleSpecJsonTest {
  private final JacksonDataConverter converter = new JacksonDataConverter();

  @Test
  void aCronSpecSurvivesTheEngineConverter() {
    ScheduleSpec spec =
        ScheduleSpec.cron("30 2 * * *")
            .inZone("Europe/Berlin")
            .startingAt(Instant.parse("2026-01-01T00:00:00Z"))
            .endingAt(Instant.parse("2027-01-01T00:00:00Z"))
            .withJitter(Duration.ofMinutes(5));
    Payload payload = converter.toPayload(spec);
    assertThat(new String(payload.data(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"cron\":\"30 2 * * *\",\"timeZone\":\"Europe/Berlin\","
                + "\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2027-01-01T00:00:00Z\","
                + "\"jitter\":\"PT5M\"}");
    ScheduleSpec back = (ScheduleSpec) converter.fromPayload(payload, ScheduleSpec.class);
    assertThat(back).isEqualTo(spec);
    Instant t = Instant.parse("2026-03-28T12:00:00Z");
    assertThat(back.next(t, 3)).isEqualTo(spec.next(t, 3));
    assertThat(back.jittered("s", back.nextAfter(t).orElseThrow()))
        .isEqualTo(spec.jittered("s", spec.nextAfter(t).orElseThrow()));
  }

  @Test
  void anIntervalSpecSurvivesTheEngineConverter() {
    ScheduleSpec spec = ScheduleSpec.every(Duration.ofMinutes(15)).offset(Duration.ofMinutes(5));
    Payload payload = converter.toPayload(spec);
    assertThat(new String(payload.data(), StandardCharsets.UTF_8))
        .isEqualTo("{\"interval\":\"PT15M\",\"offset\":\"PT5M\",\"timeZone\":\"UTC\"}");
    assertThat(converter.fromPayload(payload, ScheduleSpec.class)).isEqualTo(spec);
  }

  @Test
  void minimalJsonGetsTheDefaults() {
    Object spec = converter.fromPayload(Payload.json("{\"cron\":\"@daily\"}"), ScheduleSpec.class);
    assertThat(spec).isEqualTo(ScheduleSpec.cron("@daily"));
  }

  @Test
  void jsonWithNeitherOrBothOfCronAndIntervalIsRejected() {
    assertThatThrownBy(() -> converter.fromPayload(Payload.json("{}"), ScheduleSpec.class))
        .hasMessageContaining(
            "cron (missing): a schedule needs a cron expression or an interval;"
                + " expected exactly one");
    assertThatThrownBy(
            () ->
                converter.fromPayload(
                    Payload.json("{\"cron\":\"@daily\",\"interval\":\"PT1H\"}"),
                    ScheduleSpec.class))
        .hasMessageContaining(
            "interval 'PT1H': given together with cron '@daily'; expected exactly one of them");
  }

  @Test
  void invalidJsonIsRejectedWithTheSpecsOwnMessage() {
    assertThatThrownBy(
            () ->
                converter.fromPayload(
                    Payload.json("{\"cron\":\"0 2 * * *\",\"timeZone\":\"Mars/Olympus\"}"),
                    ScheduleSpec.class))
        .isInstanceOf(DataConverterException.class)
        .hasMessageContaining(
            "timeZone 'Mars/Olympus': unknown; expected an IANA zone such as Europe/Berlin")
        .hasRootCauseInstanceOf(InvalidScheduleSpecException.class);
  }
}
