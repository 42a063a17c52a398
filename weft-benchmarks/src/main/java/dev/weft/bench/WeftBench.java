package dev.weft.bench;

import dev.weft.cli.WeftCli;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The main class of the benchmarks' jar ({@code weft-benchmarks/target/weft-bench.jar}), which
 * {@code ./weft bench ...} runs: the {@code weft} command of {@link WeftCli} with its {@code bench}
 * subcommand replaced by the real one ({@link BenchCommand}) and the hidden {@code bench-node}
 * subcommand that the cluster workload's node processes run ({@link BenchNodeCommand}). The runtime
 * jar {@code weft.jar} has neither: the benchmarks bring the embedded PostgreSQL binaries.
 *
 * <pre>
 * java -jar weft-bench.jar bench sequential --workflows 2000 --activities 10
 * java -jar weft-bench.jar bench cluster --store postgres --nodes 3
 * </pre>
 */
public final class WeftBench {
  private WeftBench() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(System.in, System.out, System.err).execute(args));
  }

  /**
   * Returns the command line with the benchmarks, reading node commands from {@code in} (for {@code
   * bench-node}) and printing to {@code out} and {@code err}. Tests run it in-process.
   */
  public static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
    CommandLine cli = WeftCli.commandLine(out, err);
    cli.getCommandSpec().removeSubcommand(BenchCommand.NAME);
    cli.addSubcommand(new BenchCommand(out, err));
    cli.addSubcommand(new BenchNodeCommand(in, out, err));
    // again, so that the subcommands added here print where the others do
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cli;
  }
}
