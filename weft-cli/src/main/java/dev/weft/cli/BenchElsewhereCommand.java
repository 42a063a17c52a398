package dev.weft.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code weft bench} in {@code weft.jar}: says where the benchmarks are and exits 2, whatever the
 * arguments. The runtime jar holds no benchmark or test-only binaries (the benchmarks bring an
 * embedded PostgreSQL server); they ship in {@code weft-benchmarks/target/weft-bench.jar}, which
 * {@code ./weft bench} builds and runs, and which replaces this command with the real one.
 */
@Command(
    name = BenchElsewhereCommand.NAME,
    description = "Not in this jar: run ./weft bench from a Weft checkout.")
final class BenchElsewhereCommand implements Callable<Integer> {
  /** The subcommand's name, which the benchmarks' jar gives to its real command. */
  static final String NAME = "bench";

  static final String MESSAGE =
      "weft bench: the benchmarks are not in weft.jar, which holds no benchmark or test-only"
          + " binaries. Run them from a Weft checkout with ./weft bench WORKLOAD (for example"
          + " ./weft bench sequential), which builds and runs"
          + " weft-benchmarks/target/weft-bench.jar.";

  @Unmatched private List<String> arguments = new ArrayList<>();

  private final PrintStream err;

  BenchElsewhereCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    err.println(MESSAGE);
    return 2;
  }
}
