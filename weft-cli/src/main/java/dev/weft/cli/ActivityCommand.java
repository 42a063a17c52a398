package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft activity}: completes, fails and heartbeats an activity attempt by its task token,
 * over the HTTP API: the other half of {@code Activity.doNotCompleteOnReturn()} (Temporal's {@code
 * ActivityCompletionClient}), and a remote worker's reports by hand. Without a subcommand it prints
 * its usage and exits 2.
 *
 * <pre>
 * weft activity complete --task-token "$TOKEN" --result '"approved"'
 * weft activity fail --task-token "$TOKEN" --type Rejected --message "over budget" --non-retryable
 * weft activity heartbeat --task-token "$TOKEN" --details '{"done": 40}'
 * </pre>
 */
@Command(
    name = "activity",
    description = {
      "Completes, fails or heartbeats an activity attempt by its task token, over the HTTP API"
          + " (--address, env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "A report for an attempt that is no longer running (it timed out and was retried, completed"
          + " or was cancelled) is refused (activity-lease-lost) and changes nothing.",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft activity complete --task-token \"$TOKEN\" --result '\"approved\"'",
      "  weft activity fail --task-token \"$TOKEN\" --type Rejected --message \"over budget\""
          + " --non-retryable",
      "  weft activity heartbeat --task-token \"$TOKEN\" --details '{\"done\": 40}'"
    })
final class ActivityCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new ActivityCommand()
        .withSubcommands(
            new ActivityCompleteCommand(out, err),
            new ActivityFailCommand(out, err),
            new ActivityHeartbeatCommand(out, err));
  }
}
