package dev.weft.examples.saga;

import java.util.ArrayList;
import java.util.List;

/** An {@link OrderLedger} in memory, for the demo and tests. Thread-safe. */
public final class InMemoryOrderLedger implements OrderLedger {
  private final List<LedgerEntry> entries = new ArrayList<>();

  @Override
  public synchronized boolean record(LedgerEntry entry) {
    if (entries.stream().anyMatch(entry::sameKey)) {
      return false;
    }
    return entries.add(entry);
  }

  @Override
  public synchronized List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }
}
