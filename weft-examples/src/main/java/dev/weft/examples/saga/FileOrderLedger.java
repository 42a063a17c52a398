package dev.weft.examples.saga;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An {@link OrderLedger} in a text file, one tab-separated entry per line, each append flushed to
 * disk before {@link #record} returns: what it recorded survives a killed process. Thread-safe
 * within one process; one process at a time may write the file.
 */
public final class FileOrderLedger implements OrderLedger {
  private final Path file;

  /** Creates a ledger over {@code file}, which is created on the first record. */
  public FileOrderLedger(Path file) {
    this.file = file;
  }

  @Override
  public synchronized boolean record(LedgerEntry entry) {
    if (entries().stream().anyMatch(entry::sameKey)) {
      return false;
    }
    String line = entry.orderId() + "\t" + entry.operation() + "\t" + entry.detail() + "\n";
    try {
      Files.writeString(
          file,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to ledger " + file, e);
    }
  }

  @Override
  public synchronized List<LedgerEntry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isEmpty())
          .map(FileOrderLedger::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ledger " + file, e);
    }
  }

  private static LedgerEntry parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      throw new IllegalStateException("malformed ledger line: '" + line + "'");
    }
    return new LedgerEntry(fields[0], OrderOperation.valueOf(fields[1]), fields[2]);
  }
}
