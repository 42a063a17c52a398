package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.StatusBar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the partition status reads beyond single ranges: the status bar (equal buckets, the first
 * ones bigger when the size does not divide, a mixed bucket counting each status, missing ones
 * implied), the ranges of one status paged by start index and clipped to the window, and the reads'
 * errors.
 */
public abstract class PartitionReadContract extends PartitionStatusFixture {

  @Test
  void aStatusBarCountsEachStatusPerBucketSoAMixedBucketSaysHowMany() {
    register(computed("blocks", "c1"));
    materialize("blocks", 0, 1_000, "v1");
    failRange("blocks", 10, 11, "bad block");
    claim("blocks", 195, 205, "backfill-1");

    StatusBar bar = partitions().bar(NS, "blocks", new IndexRange(0, 1_200), 12);

    assertThat(bar.window()).isEqualTo(new IndexRange(0, 1_200));
    assertThat(bar.buckets()).hasSize(12);
    assertThat(bar.buckets().get(0).range()).isEqualTo(new IndexRange(0, 100));
    assertThat(bar.buckets().get(0).counts()).isEqualTo(new PartitionCounts(99, 0, 1, 0));
    assertThat(bar.buckets().get(1).counts()).isEqualTo(new PartitionCounts(95, 0, 0, 5));
    assertThat(bar.buckets().get(2).counts()).isEqualTo(new PartitionCounts(95, 0, 0, 5));
    assertThat(bar.buckets().get(3).counts()).isEqualTo(new PartitionCounts(100, 0, 0, 0));
    assertThat(bar.buckets().get(10).counts()).isEqualTo(PartitionCounts.NONE);
    assertThat(bar.buckets().get(10).missing()).isEqualTo(100);
    assertThat(bar.buckets().get(0).missing()).isZero();
  }

  @Test
  void bucketsOfAWindowThatDoesNotDivideAreAtMostOnePartitionApart() {
    register(computed("blocks", "c1"));
    materialize("blocks", 3, 7, "v1");

    StatusBar bar = partitions().bar(NS, "blocks", new IndexRange(2, 12), 3);
    assertThat(bar.buckets())
        .extracting(StatusBar.Bucket::range)
        .containsExactly(new IndexRange(2, 6), new IndexRange(6, 9), new IndexRange(9, 12));
    assertThat(bar.buckets())
        .extracting(b -> b.counts().materialized())
        .containsExactly(3L, 1L, 0L);

    StatusBar fine = partitions().bar(NS, "blocks", new IndexRange(5, 8), 1_000);
    assertThat(fine.buckets())
        .extracting(b -> b.range().start() + ":" + b.counts().materialized())
        .containsExactly("5:1", "6:1", "7:0");
  }

  @Test
  void theRangesOfAStatusArePagedInIndexOrderAndClippedToTheWindow() {
    register(computed("blocks", "c1"));
    materialize("blocks", 0, 100, "v1");
    for (int i = 0; i < 10; i++) {
      failRange("blocks", i * 10, i * 10 + 5, "failure " + i);
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      PartitionRangePage page =
          partitions()
              .ranges(NS, "blocks", PartitionStatus.FAILED, new IndexRange(2, 93), token, 3);
      assertThat(page.ranges()).hasSizeLessThanOrEqualTo(3);
      page.ranges().forEach(r -> seen.add(r.range() + " " + r.failure()));
      token = page.nextPageToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(4);
    assertThat(seen)
        .containsExactly(
            "[2, 5) IllegalStateException: failure 0",
            "[10, 15) IllegalStateException: failure 1",
            "[20, 25) IllegalStateException: failure 2",
            "[30, 35) IllegalStateException: failure 3",
            "[40, 45) IllegalStateException: failure 4",
            "[50, 55) IllegalStateException: failure 5",
            "[60, 65) IllegalStateException: failure 6",
            "[70, 75) IllegalStateException: failure 7",
            "[80, 85) IllegalStateException: failure 8",
            "[90, 93) IllegalStateException: failure 9");
    List<PartitionRangeState> materialized =
        partitions()
            .ranges(NS, "blocks", PartitionStatus.MATERIALIZED, new IndexRange(0, 30), null, 10)
            .ranges();
    assertThat(materialized)
        .extracting(PartitionRangeState::range)
        .containsExactly(new IndexRange(5, 10), new IndexRange(15, 20), new IndexRange(25, 30));
    assertThat(partitions().ranges(NS, "blocks", PartitionStatus.STALE, ALL, null, 10).ranges())
        .isEmpty();
  }

  @Test
  void badReadArgumentsAreRefusedNamingThem() {
    register(computed("blocks", "c1"));
    IndexRange window = new IndexRange(0, 10);
    assertThatThrownBy(() -> partitions().bar(NS, "blocks", window, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buckets is 0");
    assertThatThrownBy(() -> partitions().bar(NS, "blocks", window, 100_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buckets is 100001");
    assertThatThrownBy(
            () -> partitions().ranges(NS, "blocks", PartitionStatus.FAILED, window, "x1", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken 'x1'");
    assertThatThrownBy(
            () -> partitions().ranges(NS, "blocks", PartitionStatus.FAILED, window, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit is 0");
    assertThatThrownBy(() -> partitions().counts(NS, "no such key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assetKey 'no such key'");
    assertThatThrownBy(() -> partitions().status(NS, "blocks", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index is -1");
    assertThatThrownBy(() -> new IndexRange(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5, 5) is empty");
  }
}
