package dev.weft.store.assets.partitions;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one (possibly ranged) compute produced: the fields of an {@code asset_history} entry.
 *
 * @param runId the run that materialized it; null when recorded outside a run
 * @param dataVersion the version of the data it produced
 * @param codeVersion the code version of the compute; null for none
 * @param inputDataVersions upstream asset key to the data version consumed; copied, sorted by key
 * @param metadataJson what the compute reported, as JSON; null for none
 * @param startedAt when the compute started
 * @param finishedAt when it finished, not before {@code startedAt}
 */
public record PartitionMaterialization(
    String runId,
    String dataVersion,
    String codeVersion,
    Map<String, String> inputDataVersions,
    String metadataJson,
    Instant startedAt,
    Instant finishedAt) {

  /**
   * Validates the record and copies its inputs.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if a version is blank, an input key malformed, or it finished
   *     before it started
   */
  public PartitionMaterialization {
    PartitionFields.nullOrNotBlank("runId", null, runId);
    PartitionFields.notBlank("dataVersion", null, dataVersion);
    PartitionFields.nullOrNotBlank("codeVersion", null, codeVersion);
    PartitionFields.nonNull("inputDataVersions", null, inputDataVersions);
    TreeMap<String, String> inputs = new TreeMap<>();
    inputDataVersions.forEach(
        (key, version) -> {
          PartitionFields.asset("inputDataVersions key", key);
          PartitionFields.notBlank("inputDataVersions[" + key + "]", null, version);
          inputs.put(key, version);
        });
    inputDataVersions = Collections.unmodifiableMap(inputs);
    PartitionFields.nonNull("startedAt", null, startedAt);
    PartitionFields.nonNull("finishedAt", null, finishedAt);
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "finishedAt " + finishedAt + " is before startedAt " + startedAt);
    }
  }
}
