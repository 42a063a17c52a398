package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft queue}: describes, pauses and resumes the task queues of a Weft server, over its HTTP
 * API. Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft queue list
 * weft queue describe orders
 * weft queue pause orders --reason "payment provider down"
 * weft queue resume orders
 * </pre>
 */
@Command(
    name = "queue",
    description = {
      "Lists, describes, pauses and resumes task queues, over the HTTP API (--address, env"
          + " WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "The backlog counts every node's waiting tasks; the pollers are those the answering node saw"
          + " in the last 5 minutes (its own workers and remote ones).",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft queue list",
      "  weft queue describe orders",
      "  weft queue pause orders --reason \"payment provider down\"",
      "  weft queue resume orders --output json"
    })
final class QueueCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new QueueCommand()
        .withSubcommands(
            new QueueListCommand(out, err),
            new QueueDescribeCommand(out, err),
            new QueuePauseCommand(out, err),
            new QueueResumeCommand(out, err));
  }
}
