package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.WAIT;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static dev.weft.assets.BackfillFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A backfill whose engine is killed mid-run finishes after a restart, each partition once. */
class BackfillRestartTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillKilledMidRunFinishesAfterARestartMaterializingEachPartitionOnce(TestStore kind)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger blocking = new AtomicInteger(1);
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(IntegerRangePartitions.from(0))
            .rangedCompute(100)
            .retryPolicy(
                RetryPolicy.newBuilder()
                    .initialInterval(Duration.ofMillis(100))
                    .maximumAttempts(5)
                    .build())
            .startToCloseTimeout(Duration.ofSeconds(10))
            .output(Long.class)
            .compute(
                ctx -> {
                  long start = ctx.partitionRange().start();
                  fx.count("chunk " + start);
                  if (start == 500 && blocking.get() == 1) {
                    entered.countDown();
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException("interrupted by the kill", e);
                    }
                  }
                  return start;
                });
    FileIoManager files = FileIoManager.json(dir.resolve("data"));
    WeftEngine first =
        WeftEngine.builder()
            .store(kind.open(dir))
            .nodeId("bf-test")
            .shutdownTimeout(Duration.ofMillis(100))
            .build();
    Assets assets = fx.start(first, files, blocks);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of("chain/blocks", PartitionSelection.range("0", "999"))
                    .maxConcurrentRuns(4));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                progress(assets.backfills().describe(bf.backfillId()), "chain/blocks")
                        .materialized()
                    == 900);
    first.close();
    blocking.set(0);

    Assets again = fx.start(kind, dir, files, blocks);
    BackfillRecord ended = awaitEnd(again, bf.backfillId());
    never.countDown();

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(progress(ended, "chain/blocks"))
        .isEqualTo(new BackfillAssetProgress("chain/blocks", 1000, 1000, 0, 0, 0));
    for (long start = 0; start < 1000; start += 100) {
      assertThat(fx.computed("chunk " + start))
          .as("computes of chunk " + start)
          .isEqualTo(start == 500 ? 2 : 1);
    }
    PartitionStatusReader reader = fx.engine().store().extension(PartitionStatusReader.class);
    assertThat(reader.counts("default", "chain/blocks").materialized()).isEqualTo(1000);
    assertThat(reader.counts("default", "chain/blocks").inProgress()).isZero();
  }
}
