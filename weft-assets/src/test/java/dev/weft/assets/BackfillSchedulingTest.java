package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.DAILY;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a backfill schedules its computes: the concurrency limit, and downstream chunks as soon as
 * their own upstream chunks committed.
 */
class BackfillSchedulingTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void atMostMaxConcurrentRunsComputeAtOnce(TestStore kind) {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  three.countDown();
                  try {
                    three.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  running.decrementAndGet();
                  return ctx.partitionKey();
                });
    Assets assets = fx.start(kind, dir, fx.memory, prices);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-12"))
                    .maxConcurrentRuns(3));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(three.getCount()).isZero();
    assertThat(most.get()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDownstreamPartitionStartsBeforeTheUpstreamFinishedAllItsPartitions(TestStore kind) {
    CountDownLatch downstreamRan = new CountDownLatch(1);
    AtomicBoolean sawDownstreamFirst = new AtomicBoolean();
    List<String> order = new CopyOnWriteArrayList<>();
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  order.add("prices " + ctx.partitionKey());
                  if (ctx.partitionKey().equals("2024-01-10")) {
                    try {
                      sawDownstreamFirst.set(downstreamRan.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return ctx.partitionKey();
                });
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .input("market/prices", String.class)
            .output(String.class)
            .compute(
                ctx -> {
                  order.add("returns " + ctx.partitionKey());
                  downstreamRan.countDown();
                  return ctx.partitionKey();
                });
    Assets assets = fx.start(kind, dir, fx.memory, prices, returns);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices+", PartitionSelection.range("2024-01-01", "2024-01-10"))
                    .maxConcurrentRuns(2));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(sawDownstreamFirst.get())
        .as("a downstream compute ran before prices 2024-01-10 ended")
        .isTrue();
    assertThat(order.indexOf("returns 2024-01-01")).isLessThan(order.size() - 1);
    assertThat(order).hasSize(20);
  }
}
