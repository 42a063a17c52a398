package dev.weft.examples.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.examples.assets.chain.FakeChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dev chain's miner: a block per interval while it runs, none after it is closed. */
class ChainMinerTest {

  @Test
  void minesABlockPerIntervalUntilClosed() throws InterruptedException {
    FakeChain chain = FakeChain.generate(5, 1);
    ChainMiner miner = new ChainMiner(chain, Duration.ofMillis(20));

    miner.start();
    await().atMost(Duration.ofSeconds(10)).until(chain::head, head -> head >= 7);
    miner.close();
    long stopped = chain.head();
    Thread.sleep(100);

    assertThat(chain.head()).as("no block after close").isEqualTo(stopped);
  }

  @Test
  void refusesAnIntervalThatIsNotPositive() {
    FakeChain chain = FakeChain.generate(5, 1);

    assertThatThrownBy(() -> new ChainMiner(chain, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S")
        .hasMessageContaining("expected a positive duration");
  }
}
