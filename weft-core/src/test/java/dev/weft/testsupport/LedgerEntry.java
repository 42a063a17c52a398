package dev.weft.testsupport;

import dev.weft.store.Write;
import java.util.Objects;

/**
 * The engine tests' probe write ({@link LedgerExtension}): adds an entry to the ledger. A second
 * write of the same entry breaks the table's primary key (the batch fails); with {@code
 * conflictIfPresent} it is conditional instead, and conflicts.
 *
 * @param runId the run of the activity that writes it
 * @param seq the activity's sequence number in its run (what the applier looks for in its task
 *     rows)
 * @param entry the entry's unique name
 * @param value what it records
 * @param conflictIfPresent whether an existing entry makes it conflict rather than fail
 */
public record LedgerEntry(
    String runId, long seq, String entry, String value, boolean conflictIfPresent)
    implements Write {

  /** Validates the write. */
  public LedgerEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(value, "value");
  }

  /** An entry that fails on the primary key if it exists. */
  public LedgerEntry(String runId, long seq, String entry, String value) {
    this(runId, seq, entry, value, false);
  }
}
