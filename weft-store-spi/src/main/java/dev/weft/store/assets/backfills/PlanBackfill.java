package dev.weft.store.assets.backfills;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a backfill's plan: how many partitions it runs of each asset (in plan order), and moves a
 * {@link BackfillStatus#REQUESTED} backfill to {@link BackfillStatus#RUNNING}. Applying it again
 * changes nothing (a replayed or restarted workflow plans again). Fails the batch (a conflict
 * naming it) when the backfill is unknown.
 *
 * @param namespace the namespace
 * @param backfillId the backfill
 * @param partitions partitions per asset key, in plan order
 * @param at when it was planned
 */
public record PlanBackfill(
    String namespace, String backfillId, Map<String, Long> partitions, Instant at)
    implements Write {

  /**
   * Validates and copies the write (keeping the map's order).
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException naming a malformed key, a negative count or an empty map
   */
  public PlanBackfill {
    BackfillFields.notBlank("namespace", namespace);
    BackfillFields.notBlank("backfillId", backfillId);
    BackfillFields.nonNull("partitions", partitions);
    BackfillFields.nonNull("at", at);
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("partitions is empty: expected at least one asset");
    }
    LinkedHashMap<String, Long> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : partitions.entrySet()) {
      BackfillFields.asset("partitions key", e.getKey());
      BackfillFields.nonNull("partitions of " + e.getKey(), e.getValue());
      BackfillFields.notNegative("partitions of " + e.getKey(), e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    partitions = Collections.unmodifiableMap(copy);
  }

  /** The assets in plan order. */
  public List<String> assetKeys() {
    return List.copyOf(partitions.keySet());
  }

  /** A backfill write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
