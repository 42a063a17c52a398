package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft hook}: lists and describes the webhooks apps defined, over the HTTP API. Without a
 * subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft hook list
 * weft hook describe approve
 * </pre>
 */
@Command(
    name = "hook",
    description = {
      "Lists and describes webhooks (defined by apps with Webhooks.builder(engine)) and their"
          + " recent deliveries, over the HTTP API (--address, env WEFT_ADDRESS; --token, env"
          + " WEFT_TOKEN).",
      "A hook shows the name of the environment variable holding its secret, never the secret.",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft hook list",
      "  weft hook describe approve",
      "  weft hook describe approve --namespace payments --output json"
    })
final class HookCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new HookCommand()
        .withSubcommands(new HookListCommand(out, err), new HookDescribeCommand(out, err));
  }
}
