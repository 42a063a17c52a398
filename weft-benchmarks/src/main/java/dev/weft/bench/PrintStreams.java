package dev.weft.bench;

import java.io.OutputStream;
import java.io.PrintStream;

/** Output streams of the harness. */
final class PrintStreams {
  /** Discards everything (the progress lines of a warm-up run). */
  static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

  private PrintStreams() {}
}
