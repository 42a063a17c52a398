package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft node}: the engine nodes of a Weft server's store, over its HTTP API. Without a
 * subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft node list
 * </pre>
 */
@Command(
    name = "node",
    description = {
      "Lists the engine nodes of a server's store, over the HTTP API (--address, env WEFT_ADDRESS;"
          + " --token, env WEFT_TOKEN, bound to every namespace).",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {"", "Examples:", "  weft node list", "  weft node list --output json"})
final class NodeCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new NodeCommand());
    group.addSubcommand(new NodeListCommand(out, err));
    group.setCaseInsensitiveEnumValuesAllowed(true);
    return group;
  }

  /** Prints the usage (no subcommand was given) and returns the usage-error exit code. */
  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    cli.usage(cli.getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
