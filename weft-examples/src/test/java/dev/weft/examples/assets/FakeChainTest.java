package dev.weft.examples.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.examples.assets.chain.ChainBlock;
import dev.weft.examples.assets.chain.FakeChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake chain of the block examples: it grows from its head, and a re-org of its last blocks
 * replaces exactly them with a branch whose parents link; bad depths and numbers are refused naming
 * the value and what was expected.
 */
class FakeChainTest {

  @Test
  void aReorgOfTheLastBlocksReplacesExactlyThemWithALinkedBranch() {
    FakeChain chain = FakeChain.generate(30, 21);
    List<ChainBlock> before = chain.blocks();

    long first = chain.reorgLast(15);

    List<ChainBlock> after = chain.blocks();
    assertThat(first).isEqualTo(15);
    assertThat(after.subList(0, 15)).isEqualTo(before.subList(0, 15));
    for (int n = 15; n < 30; n++) {
      assertThat(after.get(n).hash()).as("block %d", n).isNotEqualTo(before.get(n).hash());
      assertThat(after.get(n).parentHash()).isEqualTo(after.get(n - 1).hash());
    }
    assertThat(chain.mine(5)).isEqualTo(34);
    assertThat(chain.block(30).parentHash()).isEqualTo(chain.block(29).hash());
    assertThat(FakeChain.generate(30, 21).blocks())
        .as("the same seed gives the same chain")
        .isEqualTo(before);
  }

  @Test
  void badDepthsAndNumbersAreRefusedNamingTheValue() {
    FakeChain chain = FakeChain.generate(10, 21);
    assertThatThrownBy(() -> chain.reorgLast(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("re-org depth 0: expected 1 to 9 (the genesis block stays)");
    assertThatThrownBy(() -> chain.reorgLast(10)).hasMessageContaining("re-org depth 10");
    assertThatThrownBy(() -> chain.block(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no block 10: the chain has blocks 0 to 9");
    assertThatThrownBy(() -> chain.mine(0)).hasMessage("mine 0 blocks: expected at least 1");
  }
}
