package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.JANUARY;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static dev.weft.assets.BackfillFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backfill with a failing partition: what fails, what is skipped, and the retry of exactly those.
 */
class BackfillRetryTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMonthWithOneFailingDayFailsThatDaySkipsItsDownstreamAndARetryRunsOnlyThem(TestStore kind) {
    AtomicBoolean broken = new AtomicBoolean(true);
    Assets assets = fx.start(kind, dir, fx.memory, fx.prices(broken), fx.returns());
    BackfillRequest request = BackfillRequest.of("market/prices+", JANUARY).maxConcurrentRuns(4);

    BackfillDryRun dry = assets.backfills().dryRun(request);
    assertThat(dry.assets())
        .containsExactly(
            new BackfillDryRun.Asset("market/prices", 31, 31),
            new BackfillDryRun.Asset("market/returns", 31, 31));
    assertThat(dry.runs()).isEqualTo(62);
    assertThat(assets.backfills().list(null, null, 10).backfills()).isEmpty();

    BackfillRecord launched = assets.backfills().launch(request);
    assertThat(launched.workflowId()).isEqualTo("__weft_backfill:" + launched.backfillId());
    BackfillRecord ended = awaitEnd(assets, launched.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.FAILED);
    assertThat(ended.endedAt()).isNotNull();
    assertThat(progress(ended, "market/prices"))
        .isEqualTo(new BackfillAssetProgress("market/prices", 31, 30, 1, 0, 0));
    assertThat(progress(ended, "market/returns"))
        .isEqualTo(new BackfillAssetProgress("market/returns", 31, 30, 0, 0, 1));
    List<BackfillChunk> failed =
        assets.backfills().failed(launched.backfillId(), null, 10).chunks();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).assetKey()).isEqualTo("market/prices");
    assertThat(failed.get(0).fromKey()).isEqualTo("2024-01-15");
    assertThat(failed.get(0).error()).contains("no quotes for 2024-01-15");
    assertThat(fx.computed("returns 2024-01-15")).isZero();
    assertThat(fx.computedTotal()).isEqualTo(61);
    fx.record(kind, "backfill-month-failed-day", ended);

    broken.set(false);
    BackfillRecord retry = assets.backfills().retryFailed(launched.backfillId());
    assertThat(retry.retryOf()).isEqualTo(launched.backfillId());
    BackfillRecord retried = awaitEnd(assets, retry.backfillId());

    assertThat(retried.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(retried.assets())
        .containsExactly(
            new BackfillAssetProgress("market/prices", 1, 1, 0, 0, 0),
            new BackfillAssetProgress("market/returns", 1, 1, 0, 0, 0));
    assertThat(fx.computed("prices 2024-01-15")).isEqualTo(2);
    assertThat(fx.computed("returns 2024-01-15")).isEqualTo(1);
    assertThat(fx.computedTotal()).isEqualTo(63);
    assertThatThrownBy(() -> assets.backfills().retryFailed(retry.backfillId()))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.NOTHING_FAILED))
        .hasMessageContaining(retry.backfillId());
    assertThat(assets.backfills().list(null, null, 10).backfills())
        .extracting(BackfillRecord::backfillId)
        .containsExactly(retry.backfillId(), launched.backfillId());
    assertThat(assets.backfills().list(BackfillStatus.FAILED, null, 10).backfills())
        .extracting(BackfillRecord::backfillId)
        .containsExactly(launched.backfillId());
  }
}
