package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A sensor definition is validated on construction, with errors naming the field and value. */
class SensorDefinitionTest {
  private static final SensorFunction NOTHING = ctx -> SensorResult.skip("nothing");

  @Test
  void aNameWithSpacesOrColonsIsRefused() {
    assertThatThrownBy(() -> SensorDefinition.of("new blocks", Duration.ofSeconds(1), NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sensor name 'new blocks' is invalid: expected 1 to 100 letters, digits, '.', '_' or"
                + " '-'");
    assertThatThrownBy(() -> SensorDefinition.of("a:b", Duration.ofSeconds(1), NOTHING))
        .hasMessageContaining("'a:b'");
  }

  @Test
  void aZeroOrNegativeIntervalIsRefused() {
    assertThatThrownBy(() -> SensorDefinition.of("s", Duration.ZERO, NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumInterval of sensor 's' is PT0S: expected a positive duration");
    assertThatThrownBy(() -> SensorDefinition.of("s", Duration.ofSeconds(-1), NOTHING))
        .hasMessageContaining("PT-1S");
  }

  @Test
  void aSkipKeepsTheCursorUnlessItGivesOne() {
    assertThat(SensorResult.skip("quiet").keepsCursor()).isTrue();
    assertThat(SensorResult.skip("quiet", "7").keepsCursor()).isFalse();
    assertThat(SensorResult.skip("quiet", "7").newCursor()).isEqualTo("7");
    assertThat(SensorResult.requests(null, java.util.List.of()).keepsCursor()).isFalse();
  }
}
