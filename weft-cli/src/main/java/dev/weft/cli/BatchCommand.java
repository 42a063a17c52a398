package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft batch}: starts, describes, lists and stops batch operations (Temporal's {@code tctl
 * batch}) over a Weft server's HTTP API. Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft batch start --type terminate --query "WorkflowType = 'Order'" --reason "bad deploy"
 * weft batch describe JOB_ID
 * weft batch list
 * weft batch stop JOB_ID --reason "wrong query"
 * </pre>
 */
@Command(
    name = "batch",
    description = {
      "Starts, describes, lists and stops batch operations: cancel, terminate, signal, pause or"
          + " resume every run a list query matches, at a rate limit, over the HTTP API"
          + " (--address, env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft batch start --type terminate --query \"WorkflowType = 'Order'\" --reason \"bad"
          + " deploy\"",
      "  weft batch start --type signal --signal reprice -i 0.9 --query \"WorkflowType = 'Order'\""
          + " --reason \"price change\" --rps 20",
      "  weft batch describe 5f0c...",
      "  weft batch list --output json",
      "  weft batch stop 5f0c... --reason \"wrong query\""
    })
final class BatchCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new BatchCommand()
        .withSubcommands(
            new BatchStartCommand(out, err),
            new BatchDescribeCommand(out, err),
            new BatchListCommand(out, err),
            new BatchStopCommand(out, err));
  }
}
