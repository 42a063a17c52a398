package dev.weft.store.assets.automation;

import java.time.Instant;
import java.util.Objects;

/**
 * The evaluator of a namespace's code location: its durable cursor (the last change-log sequence
 * number it handled) and its lease.
 *
 * @param cursor the last sequence number handled; 0 before the first
 * @param owner the lease holder
 * @param leaseUntil when the lease ends unless renewed
 */
public record AutomationCursorRecord(long cursor, String owner, Instant leaseUntil) {
  /** Validates the record. */
  public AutomationCursorRecord {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }
}
