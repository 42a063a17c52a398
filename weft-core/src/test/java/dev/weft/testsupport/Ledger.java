package dev.weft.testsupport;

import java.util.List;
import java.util.Optional;

/** The reads of the engine tests' probe extension ({@link LedgerExtension}). */
public interface Ledger {

  /**
   * A ledger row, with what its write saw inside its transaction.
   *
   * @param taskRows the rows of its activity's task (0 once the completion released it)
   * @param inboxRows the rows of its run's inbox (1 or more when the completion went to the inbox)
   */
  record Row(String entry, String runId, String value, int taskRows, int inboxRows) {}

  /** Returns an entry, if it was committed. */
  Optional<Row> find(String entry);

  /** Returns every committed entry, by name. */
  List<Row> all();
}
