package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The CPU clocks behind {@code cpu_ms_per_step} and {@code server_cpu_ms_per_step}: a {@code stat}
 * line is read by its fields after the command name, and the live process tree of this JVM is found
 * in {@code /proc} (on Linux).
 */
class ProcessTreeCpuTest {

  @Test
  void readsTheParentAndTheCpuTicksAfterACommandNameWithSpacesAndParentheses() {
    String line =
        "4242 (postgres: weft (idle)) S 4200 4200 4200 0 -1 4194560 100 0 0 0"
            + " 31 7 2 1 20 0 1 0 123 456 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0"
            + " 0 0 0";

    ProcessTreeCpu.Stat stat = ProcessTreeCpu.Stat.parse(line);

    assertThat(stat.parent()).isEqualTo(4200);
    assertThat(stat.ticks()).isEqualTo(31 + 7 + 2 + 1);
  }

  @Test
  void aLineWithoutTheExpectedFieldsIsNamed() {
    assertThatThrownBy(() -> ProcessTreeCpu.Stat.parse("4242 (cut) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 17 fields")
        .hasMessageContaining("'4242 (cut) S 1 2'");
  }

  @Test
  void thisJvmsTreeHasUsedCpuAndAProcessThatIsGoneHasNone() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
    long self = ProcessHandle.current().pid();

    OptionalLong nanos = new ProcessTreeCpu(self).nanos();

    assertThat(nanos).isPresent();
    assertThat(nanos.getAsLong()).isPositive();
    assertThat(ProcessCpu.nanos()).isPositive();
    assertThat(new ProcessTreeCpu(Long.MAX_VALUE).nanos()).isEmpty();
  }
}
