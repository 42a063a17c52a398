package dev.weft.schedules;

import static dev.weft.schedules.testsupport.ScheduleEnv.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.converter.JacksonDataConverter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ScheduleDefinition}: defaults, refusals naming the field, and JSON. */
class ScheduleDefinitionTest {
  private static final ScheduleSpec DAILY = ScheduleSpec.cron("@daily");

  @Test
  void defaultsAreSkipAndAOneMinuteCatchUpWindow() {
    ScheduleDefinition def = ScheduleDefinition.of("nightly", DAILY, job(0));

    assertThat(def.overlapPolicy()).isEqualTo(OverlapPolicy.SKIP);
    assertThat(def.catchUpWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(def.paused()).isFalse();
  }

  @Test
  void badFieldsAreRefusedByName() {
    assertThatThrownBy(() -> ScheduleDefinition.of("a@b", DAILY, job(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id is 'a@b': expected a non-blank value without '@'");
    assertThatThrownBy(() -> ScheduleDefinition.of(" ", DAILY, job(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id is ' '");
    assertThatThrownBy(
            () -> ScheduleDefinition.of("n", DAILY, job(0)).withCatchUpWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("catchUpWindow is PT0S: expected a positive duration");
    assertThatThrownBy(() -> ScheduleDefinition.of("n", null, job(0)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec");
  }

  @Test
  void aDefinitionSurvivesAJsonRoundTrip() throws Exception {
    ScheduleDefinition def =
        ScheduleDefinition.of("nightly", DAILY.inZone("Europe/Paris"), job(5))
            .withOverlapPolicy(OverlapPolicy.BUFFER_ALL)
            .withCatchUpWindow(Duration.ofHours(1))
            .withPaused(true, "migration")
            .withDescription("the nightly report");
    var json = JacksonDataConverter.defaultMapper();

    assertThat(json.readValue(json.writeValueAsString(def), ScheduleDefinition.class))
        .isEqualTo(def);
  }
}
