package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.BackfillPage;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.assets.backfills.CreateBackfill;
import dev.weft.store.assets.backfills.PlanBackfill;
import dev.weft.store.assets.backfills.RecordBackfillChunk;
import dev.weft.store.assets.backfills.SetBackfillStatus;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the backfill rows: a launch, its plan, chunk records moving the per-asset counts exactly
 * once however often they are applied (and in the transaction of a catalog write), status changes
 * refused once ended, newest-first pages with a status filter, and the failed ranges paged.
 */
public abstract class BackfillContract extends PartitionStatusFixture {

  private BackfillCatalog backfills() {
    return store.extension(BackfillCatalog.class);
  }

  private CreateBackfill launch(String id) {
    return new CreateBackfill(
        NS,
        id,
        "default",
        "daily+",
        "{\"from\":\"2024-01-01\",\"to\":\"2024-01-31\"}",
        4,
        null,
        "__weft_backfill:" + id,
        tick());
  }

  private void plan(String id) {
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("daily", 31L);
    totals.put("weekly", 31L);
    commitOk(new PlanBackfill(NS, id, totals, tick()));
  }

  private RecordBackfillChunk chunk(
      String id, String asset, long start, long end, ChunkStatus status, String error) {
    return new RecordBackfillChunk(
        NS, id, List.of(asset), start, end, "k" + start, "k" + (end - 1), status, error, tick());
  }

  private BackfillAssetProgress progress(String id, String asset) {
    return backfills().describe(NS, id).orElseThrow().assets().stream()
        .filter(a -> a.assetKey().equals(asset))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLaunchIsRequestedThenPlannedRunningWithItsAssetsInPlanOrder() {
    commitOk(launch("bf-1"));
    BackfillRecord launched = backfills().describe(NS, "bf-1").orElseThrow();
    assertThat(launched.status()).isEqualTo(BackfillStatus.REQUESTED);
    assertThat(launched.assets()).isEmpty();
    assertThat(launched.selection()).isEqualTo("daily+");
    assertThat(launched.maxConcurrentRuns()).isEqualTo(4);
    assertThat(launched.workflowId()).isEqualTo("__weft_backfill:bf-1");
    assertThat(launched.endedAt()).isNull();

    plan("bf-1");
    plan("bf-1");
    BackfillRecord planned = backfills().describe(NS, "bf-1").orElseThrow();
    assertThat(planned.status()).isEqualTo(BackfillStatus.RUNNING);
    assertThat(planned.assets())
        .containsExactly(
            new BackfillAssetProgress("daily", 31, 0, 0, 0, 0),
            new BackfillAssetProgress("weekly", 31, 0, 0, 0, 0));
    assertThat(planned.assets().get(0).pending()).isEqualTo(31);
    assertThat(backfills().describe(NS, "bf-2")).isEmpty();
    assertThat(backfills().describe("other", "bf-1")).isEmpty();
  }

  @Test
  void aSecondLaunchOfAnIdAndWritesToAnUnknownBackfillConflictWithoutAPartialRecord() {
    commitOk(launch("bf-1"));
    assertThat(commitConflict(launch("bf-1")).reason()).contains("bf-1", "exists already");
    CommitResult.Conflict unknown =
        commitConflict(chunk("bf-9", "daily", 0, 1, ChunkStatus.MATERIALIZED, null));
    assertThat(unknown.reason()).contains("bf-9", "not in namespace");
    assertThat(
            commitConflict(
                    launch("bf-2"),
                    new SetBackfillStatus(NS, "bf-9", BackfillStatus.PAUSED, tick()))
                .reason())
        .contains("bf-9");
    assertThat(backfills().describe(NS, "bf-2")).isEmpty();
  }

  @Test
  void chunkRecordsMoveCountsOnceAndAnEndedChunkKeepsItsFirstEnding() {
    commitOk(launch("bf-1"));
    plan("bf-1");
    commitOk(chunk("bf-1", "daily", 0, 10, ChunkStatus.IN_PROGRESS, null));
    commitOk(chunk("bf-1", "daily", 10, 20, ChunkStatus.IN_PROGRESS, null));
    assertThat(progress("bf-1", "daily"))
        .isEqualTo(new BackfillAssetProgress("daily", 31, 0, 0, 20, 0));

    commitOk(chunk("bf-1", "daily", 0, 10, ChunkStatus.MATERIALIZED, null));
    commitOk(chunk("bf-1", "daily", 0, 10, ChunkStatus.MATERIALIZED, null));
    commitOk(chunk("bf-1", "daily", 0, 10, ChunkStatus.IN_PROGRESS, null));
    commitOk(chunk("bf-1", "daily", 10, 20, ChunkStatus.FAILED, "Boom: day 15"));
    commitOk(chunk("bf-1", "daily", 10, 20, ChunkStatus.MATERIALIZED, null));
    commitOk(chunk("bf-1", "weekly", 10, 20, ChunkStatus.SKIPPED, "upstream daily failed"));

    BackfillAssetProgress daily = progress("bf-1", "daily");
    assertThat(daily).isEqualTo(new BackfillAssetProgress("daily", 31, 10, 10, 0, 0));
    assertThat(daily.pending()).isEqualTo(11);
    assertThat(progress("bf-1", "weekly"))
        .isEqualTo(new BackfillAssetProgress("weekly", 31, 0, 0, 0, 10));
  }

  @Test
  void aChunkRecordCommitsWithTheCatalogWriteOfItsBatchOrNotAtAll() {
    register(computed("daily", "c1"));
    commitOk(launch("bf-1"));
    plan("bf-1");
    RecordPartitionsMaterialized landed = materialized("daily", 0, 5, "v1");
    commitOk(
        new Batch(List.of(landed, chunk("bf-1", "daily", 0, 5, ChunkStatus.MATERIALIZED, null))));
    assertThat(progress("bf-1", "daily").materialized()).isEqualTo(5);
    assertThat(layout("daily")).containsExactly("[0, 5) MATERIALIZED v1");

    RecordPartitionsMaterialized unknownAsset = materialized("nowhere", 5, 10, "v1");
    assertThat(commit(unknownAsset, chunk("bf-1", "daily", 5, 10, ChunkStatus.MATERIALIZED, null)))
        .isInstanceOf(CommitResult.Conflict.class);
    assertThat(progress("bf-1", "daily").materialized()).isEqualTo(5);
  }

  @Test
  void statusChangesEndOnceAndACancelingBackfillOnlyEnds() {
    commitOk(launch("bf-1"));
    plan("bf-1");
    commitOk(new SetBackfillStatus(NS, "bf-1", BackfillStatus.PAUSED, tick()));
    assertThat(backfills().describe(NS, "bf-1").orElseThrow().status())
        .isEqualTo(BackfillStatus.PAUSED);
    commitOk(new SetBackfillStatus(NS, "bf-1", BackfillStatus.CANCELING, tick()));
    assertThat(
            commitConflict(new SetBackfillStatus(NS, "bf-1", BackfillStatus.RUNNING, tick()))
                .reason())
        .contains("bf-1", "being canceled");
    var at = tick();
    commitOk(new SetBackfillStatus(NS, "bf-1", BackfillStatus.CANCELED, at));
    BackfillRecord ended = backfills().describe(NS, "bf-1").orElseThrow();
    assertThat(ended.status()).isEqualTo(BackfillStatus.CANCELED);
    assertThat(ended.endedAt()).isEqualTo(at);
    assertThat(
            commitConflict(new SetBackfillStatus(NS, "bf-1", BackfillStatus.PAUSED, tick()))
                .reason())
        .contains("bf-1", "ended already", "CANCELED");
    assertThatThrownBy(() -> new SetBackfillStatus(NS, "bf-1", BackfillStatus.REQUESTED, tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REQUESTED");
  }

  @Test
  void listsNewestFirstInPagesWithAStatusFilter() {
    for (int i = 1; i <= 5; i++) {
      commitOk(launch("bf-" + i));
    }
    plan("bf-2");
    plan("bf-4");
    commitOk(new SetBackfillStatus(NS, "bf-4", BackfillStatus.COMPLETED, tick()));
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      BackfillPage page = backfills().list(NS, null, token, 2);
      page.backfills().forEach(b -> ids.add(b.backfillId()));
      token = page.nextPageToken();
    } while (token != null);
    assertThat(ids).containsExactly("bf-5", "bf-4", "bf-3", "bf-2", "bf-1");
    BackfillPage running = backfills().list(NS, BackfillStatus.RUNNING, null, 10);
    assertThat(running.backfills()).extracting(BackfillRecord::backfillId).containsExactly("bf-2");
    assertThat(running.backfills().get(0).assets()).hasSize(2);
    assertThat(running.nextPageToken()).isNull();
    assertThat(backfills().list("other", null, null, 10).backfills()).isEmpty();
    assertThatThrownBy(() -> backfills().list(NS, null, "zz", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zz");
    assertThatThrownBy(() -> backfills().list(NS, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void failedRangesArePagedInTheOrderTheyWereRecorded() {
    commitOk(launch("bf-1"));
    plan("bf-1");
    for (int i = 0; i < 5; i++) {
      commitOk(chunk("bf-1", "daily", i * 2, i * 2 + 2, ChunkStatus.FAILED, "Boom " + i));
    }
    commitOk(chunk("bf-1", "weekly", 0, 2, ChunkStatus.SKIPPED, "upstream daily failed"));
    List<BackfillChunk> failed = new ArrayList<>();
    String token = null;
    do {
      BackfillChunkPage page = backfills().chunks(NS, "bf-1", ChunkStatus.FAILED, token, 2);
      failed.addAll(page.chunks());
      token = page.nextPageToken();
    } while (token != null);
    assertThat(failed).hasSize(5);
    assertThat(failed.get(0))
        .isEqualTo(new BackfillChunk("daily", 0, 2, "k0", "k1", ChunkStatus.FAILED, "Boom 0"));
    assertThat(failed.get(4).partitions()).isEqualTo(2);
    assertThat(backfills().chunks(NS, "bf-1", ChunkStatus.SKIPPED, null, 10).chunks())
        .extracting(BackfillChunk::assetKey)
        .containsExactly("weekly");
    assertThat(progress("bf-1", "daily").failed()).isEqualTo(10);
  }
}
