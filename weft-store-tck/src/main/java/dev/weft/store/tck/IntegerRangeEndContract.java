package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.CommitResult;
import dev.weft.store.assets.partitions.AdvanceIntegerPartitionEnd;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins the current ends of named growing integer ranges: recorded by the first advance, moved
 * forward by later ones, the same end again a no-op, an end before the recorded one refused naming
 * the range, its end and the value; kept per namespace and name.
 */
public abstract class IntegerRangeEndContract extends PartitionStatusFixture {

  private AdvanceIntegerPartitionEnd advance(String name, long end, Instant at) {
    return new AdvanceIntegerPartitionEnd(NS, name, end, at);
  }

  @Test
  void anEndIsRecordedThenOnlyMovesForward() {
    assertThat(partitions().integerPartitionEnd(NS, "chain")).isEmpty();

    Instant first = tick();
    commitOk(advance("chain", 100, first));
    assertThat(partitions().integerPartitionEnd(NS, "chain"))
        .contains(new IntegerPartitionEnd("chain", 100, first));

    Instant second = tick();
    commitOk(advance("chain", 250, second));
    commitOk(advance("chain", 250, tick()));
    assertThat(partitions().integerPartitionEnd(NS, "chain"))
        .as("the same end again changes nothing, not even the time")
        .contains(new IntegerPartitionEnd("chain", 250, second));

    CommitResult.Conflict back = commitConflict(advance("chain", 249, tick()));
    assertThat(back.reason()).contains("chain", "ends at 250", "249", "backwards");
    assertThat(partitions().integerPartitionEnd(NS, "chain").orElseThrow().endExclusive())
        .isEqualTo(250);

    commitOk(advance("side", 0, tick()));
    assertThat(partitions().integerPartitionEnd(NS, "side").orElseThrow().endExclusive()).isZero();
    assertThat(partitions().integerPartitionEnd("other", "chain")).isEmpty();
    assertThat(partitions().integerPartitionEnd(NS, "chain").orElseThrow().endExclusive())
        .isEqualTo(250);
  }

  @Test
  void aNegativeEndOrBlankNameIsRefusedNamingTheField() {
    assertThatThrownBy(() -> advance("chain", -1, tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endExclusive (of integer range chain) is -1");
    assertThatThrownBy(() -> advance(" ", 1, tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rangeName is blank");
  }
}
