package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.assets.RecordFreshnessViolation;
import dev.weft.store.assets.RegisterFreshnessPolicies;
import dev.weft.store.assets.automation.AppendCronTick;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins what partitions add to the change log and to freshness (asset-catalog V008): every partition
 * write that changes data (materialized, failed, made stale by a cascade or an invalidation)
 * appends a change with its index ranges; a partition's freshness violation names its index, is a
 * conflict when the partition holds data, logs a change, and the materialization of any range
 * holding it clears it (logging that too); the cron cursor is the latest tick, else the asset's
 * registration. The graph is {@code a -> b}, both partitioned by index.
 */
public abstract class PartitionChangeContract extends PartitionStatusFixture {

  private AutomationLog log() {
    return store.extension(AutomationLog.class);
  }

  private FreshnessCatalog freshness() {
    return store.extension(FreshnessCatalog.class);
  }

  private List<AssetChangeRecord> after(long seq) {
    return log().changesAfter(NS, seq, 100);
  }

  private long last() {
    List<AssetChangeRecord> all = log().changesAfter(NS, 0, 1000);
    return all.isEmpty() ? 0 : all.getLast().seq();
  }

  @Test
  void partitionWritesLogTheirRanges() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    materialize("b", 0, 10, "b1");
    long before = last();

    materialize("a", 2, 5, "a1", new CascadeTarget("b", range(2, 5), newer("a")));
    failRange("a", 7, 8, "boom");
    commitOk(
        new InvalidatePartitions(
            NS, "inv-1", List.of(new CascadeTarget("b", range(8, 9), newer("a"))), tick()));

    List<AssetChangeRecord> changes = after(before);
    assertThat(changes)
        .extracting(AssetChangeRecord::assetKey, AssetChangeRecord::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", AssetChangeKind.MATERIALIZED),
            org.assertj.core.groups.Tuple.tuple("b", AssetChangeKind.STALE),
            org.assertj.core.groups.Tuple.tuple("a", AssetChangeKind.FAILED),
            org.assertj.core.groups.Tuple.tuple("b", AssetChangeKind.STALE));
    assertThat(changes.get(0).partitions()).isEqualTo(range(2, 5));
    assertThat(changes.get(0).partition()).isEqualTo("2..4");
    assertThat(changes.get(0).runId()).isEqualTo("run-a");
    assertThat(changes.get(1).partitions()).isEqualTo(range(2, 5));
    assertThat(changes.get(2).partitions()).isEqualTo(range(7, 8));
    assertThat(changes.get(3).partitions()).isEqualTo(range(8, 9));

    IndexRangeSet twoRanges = IndexRangeSet.of(new IndexRange(0, 2), new IndexRange(20, 21));
    commitOk(
        new dev.weft.store.assets.partitions.RecordPartitionsMaterialized(
            NS, "a", twoRanges, "0, 1, 20", produced("a", "a2"), List.of()));
    assertThat(log().changesOf(NS, List.of("a"), before, 100))
        .extracting(AssetChangeRecord::kind, AssetChangeRecord::partitions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.MATERIALIZED, range(2, 5)),
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.FAILED, range(7, 8)),
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.MATERIALIZED, twoRanges));
    assertThat(log().changesOf(NS, List.of("b"), before, 1)).hasSize(1);
    assertThat(log().changesOf(NS, List.of(), 0, 10)).isEmpty();
  }

  @Test
  void aPartitionViolationIsRecordedOnlyWhileMissingAndItsMaterializationClearsIt() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    commitOk(
        new RegisterFreshnessPolicies(
            NS,
            "default",
            List.of(
                new FreshnessPolicyRecord(
                    "a", FreshnessPolicyKind.PARTITION_DEADLINE, null, LocalTime.of(2, 0), null)),
            tick()));
    Instant registered = freshness().policy(NS, "a").orElseThrow().registeredAt();
    materialize("a", 0, 3, "a1");
    long before = last();
    Instant deadline = tick();

    commitConflict(
        new RecordFreshnessViolation(NS, "a", "1", deadline, null, registered, tick(), 1L));
    commitOk(new RecordFreshnessViolation(NS, "a", "3", deadline, null, registered, tick(), 3L));
    commitOk(new RecordFreshnessViolation(NS, "a", "5", deadline, null, registered, tick(), 5L));
    assertThat(freshness().openViolations(NS, "a"))
        .extracting(FreshnessViolationRecord::partition)
        .containsExactly("3", "5");
    assertThat(after(before))
        .extracting(AssetChangeRecord::kind, AssetChangeRecord::partitions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AssetChangeKind.FRESHNESS_VIOLATED, IndexRangeSet.of(IndexRange.of(3))),
            org.assertj.core.groups.Tuple.tuple(
                AssetChangeKind.FRESHNESS_VIOLATED, IndexRangeSet.of(IndexRange.of(5))));

    long violated = last();
    materialize("a", 3, 5, "a2");
    assertThat(freshness().openViolations(NS, "a"))
        .extracting(FreshnessViolationRecord::partition)
        .containsExactly("5");
    FreshnessViolationRecord cleared =
        freshness().violations(NS, "a", null, 10).violations().stream()
            .filter(v -> v.partition().equals("3"))
            .findFirst()
            .orElseThrow();
    assertThat(cleared.clearReason()).isEqualTo(FreshnessViolationRecord.MATERIALIZED);
    assertThat(cleared.clearedByRunId()).isEqualTo("run-a");
    assertThat(cleared.clearedByMaterializationId()).isNotNull();
    assertThat(after(violated))
        .extracting(AssetChangeRecord::kind, AssetChangeRecord::partition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.FRESHNESS_CLEARED, "3"),
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.MATERIALIZED, "3..4"));
  }

  @Test
  void theCronCursorIsTheLatestTickElseTheRegistration() {
    Instant added = register(computed("a", "v1"));
    assertThat(log().cronCursor(NS, "a")).contains(added);
    assertThat(log().cronCursor(NS, "zz")).isEmpty();
    Instant tick = Instant.parse("2030-01-02T02:00:00Z");
    commitOk(new AppendCronTick(NS, "a", tick));
    commitOk(new AppendCronTick(NS, "a", tick.plusSeconds(86_400)));
    assertThat(log().cronCursor(NS, "a")).contains(tick.plusSeconds(86_400));
  }
}
