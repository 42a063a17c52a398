package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.WAIT;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static dev.weft.assets.BackfillFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pause, resume and cancel of a running backfill on a real store. */
class BackfillLifecycleTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPausedBackfillStartsNoNewComputeUntilResumed(TestStore kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Assets assets = fx.start(kind, dir, fx.memory, fx.blockingDaily(entered, release));
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-05"))
                    .maxConcurrentRuns(1));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(assets.backfills().pause(bf.backfillId()).status()).isEqualTo(BackfillStatus.PAUSED);
    release.countDown();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                progress(assets.backfills().describe(bf.backfillId()), "market/prices")
                        .materialized()
                    == 1);
    Awaitility.await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> fx.computedTotal() == 1);
    assertThat(assets.backfills().describe(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.PAUSED);

    assertThat(assets.backfills().resume(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.RUNNING);
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());
    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(fx.computedTotal()).isEqualTo(5);
    fx.record(kind, "backfill-paused-resumed", ended);
    assertThatThrownBy(() -> assets.backfills().pause(bf.backfillId()))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.ENDED))
        .hasMessageContaining("ended already");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCanceledBackfillLetsTheRunningComputeEndStartsNoOtherAndReleasesItsClaims(TestStore kind)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Assets assets = fx.start(kind, dir, fx.memory, fx.blockingDaily(entered, release));
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-05"))
                    .maxConcurrentRuns(1));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(assets.backfills().cancel(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.CANCELING);
    release.countDown();
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.CANCELED);
    fx.record(kind, "backfill-canceled", ended);
    BackfillAssetProgress p = progress(ended, "market/prices");
    assertThat(p.materialized()).isEqualTo(1);
    assertThat(p.inProgress()).isZero();
    assertThat(p.pending()).isEqualTo(4);
    assertThat(fx.computedTotal()).isEqualTo(1);
    PartitionStatusReader reader = fx.engine().store().extension(PartitionStatusReader.class);
    assertThat(reader.counts("default", "market/prices").inProgress()).isZero();
    assertThat(reader.counts("default", "market/prices").materialized()).isEqualTo(1);
  }
}
