package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the bench reads from its environment and its node processes, and how it refuses bad text.
 */
class BenchInputTest {

  @Test
  void extraPostgresSettingsAreNameValuePairs() {
    assertThat(BenchPostgres.extraSettings(null)).isEmpty();
    assertThat(BenchPostgres.extraSettings(" ")).isEmpty();
    assertThat(
            BenchPostgres.extraSettings(
                "shared_preload_libraries=pg_stat_statements, pg_stat_statements.track = all"))
        .containsExactly(
            Map.entry("shared_preload_libraries", "pg_stat_statements"),
            Map.entry("pg_stat_statements.track", "all"));
    assertThatThrownBy(() -> BenchPostgres.extraSettings("fsync"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BenchPostgres.EXTRA_SETTINGS)
        .hasMessageContaining("name=value")
        .hasMessageContaining("'fsync'");
  }

  @Test
  void aNodesCountAnswerHasItsActivitiesAndItsCompilationTime() {
    assertThat(NodeCounts.parse("120 3400")).isEqualTo(new NodeCounts(120, 3400));
    assertThat(NodeCounts.parse("120")).isEqualTo(new NodeCounts(120, -1));
    assertThatThrownBy(() -> NodeCounts.parse("many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'many'");
    assertThatThrownBy(() -> NodeCounts.parse("1 2 3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1 2 3'");
  }
}
