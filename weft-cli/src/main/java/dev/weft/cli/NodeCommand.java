package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
final class NodeCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new NodeCommand().withSubcommands(new NodeListCommand(out, err));
  }
}
