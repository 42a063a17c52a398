package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A namespace of the store's catalog: a name that runs are started under, with its own retention.
 *
 * @param name the namespace's name, unique in the store
 * @param description what the operator wrote about it; empty if nothing
 * @param retention how long the namespace's closed runs are kept (positive)
 * @param createTime when it was created
 * @param updateTime when it last changed (its create time until then)
 */
public record NamespaceRecord(
    String name, String description, Duration retention, Instant createTime, Instant updateTime) {

  /** Validates the record. */
  public NamespaceRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
    description = description == null ? "" : description;
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "retention of namespace " + name + " must be positive, was " + retention);
    }
  }
}
