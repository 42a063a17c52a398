package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
final class ActivityCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new ActivityCommand());
    group.addSubcommand(new ActivityCompleteCommand(out, err));
    group.addSubcommand(new ActivityFailCommand(out, err));
    group.addSubcommand(new ActivityHeartbeatCommand(out, err));
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
