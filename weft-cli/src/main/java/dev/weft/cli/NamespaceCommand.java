package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft namespace}: creates, describes, updates and lists the namespaces of a Weft server,
 * over its HTTP API. Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft namespace create payments --retention P7D --description "card payments"
 * weft namespace describe payments
 * weft namespace update payments --retention P14D
 * weft namespace list --output json
 * </pre>
 */
@Command(
    name = "namespace",
    description = {
      "Creates, describes, updates and lists the namespaces of a Weft server, over its HTTP API"
          + " (--address, env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "A namespace keeps its workflows apart (IDs, listings, counts) with its own retention; task"
          + " queues and workers are shared by all namespaces.",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft namespace create payments --retention P7D --description \"card payments\"",
      "  weft namespace describe payments",
      "  weft namespace update payments --retention P14D",
      "  weft namespace list --output json"
    })
final class NamespaceCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new NamespaceCommand());
    group.addSubcommand(new NamespaceCreateCommand(out, err));
    group.addSubcommand(new NamespaceDescribeCommand(out, err));
    group.addSubcommand(new NamespaceUpdateCommand(out, err));
    group.addSubcommand(new NamespaceListCommand(out, err));
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
