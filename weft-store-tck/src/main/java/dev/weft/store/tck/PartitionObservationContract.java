package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.CommitResult;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionObservation;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins observations of partitioned sources: each observed partition holds its version, the write
 * carries the versions it expects to replace and conflicts (naming the partition, applying nothing)
 * when the stored one moved, and its cascade makes exactly the given dependents stale.
 */
public abstract class PartitionObservationContract extends PartitionStatusFixture {

  private RecordPartitionObservations observe(
      List<PartitionObservation> observed, CascadeTarget... cascade) {
    return new RecordPartitionObservations(NS, "chain/head", observed, List.of(cascade), tick());
  }

  @Test
  void observedVersionsAreKeptPerPartitionAndTheirCascadeApplied() {
    register(source("chain/head"), computed("chain/blocks", "c1", "chain/head"));
    materialize("chain/blocks", 0, 100, "b1");
    commitOk(
        observe(
            List.of(
                new PartitionObservation(10, "h10", null),
                new PartitionObservation(11, "h11", null),
                new PartitionObservation(12, "h12", null))));

    assertThat(layout("chain/head"))
        .containsExactly(
            "[10, 11) MATERIALIZED h10", "[11, 12) MATERIALIZED h11", "[12, 13) MATERIALIZED h12");
    assertThat(partitions().status(NS, "chain/head", 11).orElseThrow().materializationId())
        .isNull();

    StaleReason reorg = StaleReason.upstreamNewerData("chain/head", "h11", "h11b");
    commitOk(
        observe(
            List.of(
                new PartitionObservation(11, "h11b", "h11"),
                new PartitionObservation(13, "h13", null)),
            new CascadeTarget("chain/blocks", IndexRangeSet.of(IndexRange.of(11)), reorg)));

    assertThat(layout("chain/head"))
        .containsExactly(
            "[10, 11) MATERIALIZED h10",
            "[11, 12) MATERIALIZED h11b",
            "[12, 13) MATERIALIZED h12",
            "[13, 14) MATERIALIZED h13");
    assertThat(layout("chain/blocks"))
        .containsExactly(
            "[0, 11) MATERIALIZED b1", "[11, 12) STALE b1", "[12, 100) MATERIALIZED b1");
    assertThat(partitions().status(NS, "chain/blocks", 11).orElseThrow().reasons())
        .containsExactly(reorg);
  }

  @Test
  void anObservationOverAVersionThatMovedConflictsAndAppliesNothing() {
    register(source("chain/head"), computed("chain/blocks", "c1", "chain/head"));
    materialize("chain/blocks", 0, 100, "b1");
    commitOk(observe(List.of(new PartitionObservation(10, "h10", null))));

    CommitResult.Conflict conflict =
        commitConflict(
            observe(
                List.of(
                    new PartitionObservation(9, "h9", null),
                    new PartitionObservation(10, "h10b", "h10-old")),
                new CascadeTarget(
                    "chain/blocks",
                    IndexRangeSet.of(IndexRange.of(10)),
                    StaleReason.upstreamNewerData("chain/head", "h10", "h10b"))));

    assertThat(conflict.reason()).contains("partition 10", "chain/head", "'h10'", "'h10-old'");
    assertThat(layout("chain/head")).containsExactly("[10, 11) MATERIALIZED h10");
    assertThat(layout("chain/blocks")).containsExactly("[0, 100) MATERIALIZED b1");

    assertThat(
            commitConflict(observe(List.of(new PartitionObservation(10, "h10c", null)))).reason())
        .contains("partition 10", "expected none");
  }

  @Test
  void badObservationsAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                observe(
                    List.of(
                        new PartitionObservation(3, "a", null),
                        new PartitionObservation(3, "b", null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observations (of asset chain/head)[1] repeats 3");
    assertThatThrownBy(() -> observe(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observations (of asset chain/head) is empty");
    assertThatThrownBy(() -> new PartitionObservation(-1, "a", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index is -1");
    assertThatThrownBy(() -> new PartitionObservation(1, "a", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedVersion is blank");
  }
}
