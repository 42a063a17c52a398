package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
final class NamespaceCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new NamespaceCommand()
        .withSubcommands(
            new NamespaceCreateCommand(out, err),
            new NamespaceDescribeCommand(out, err),
            new NamespaceUpdateCommand(out, err),
            new NamespaceListCommand(out, err));
  }
}
