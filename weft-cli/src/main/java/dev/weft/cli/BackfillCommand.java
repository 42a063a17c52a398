package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft backfill}: backfills of partitioned assets, over the HTTP API. Without a subcommand
 * it prints its usage and exits 2.
 */
@Command(
    name = "backfill",
    description = {
      "Launches, lists, describes, pauses, resumes, cancels and retries backfills of partitioned"
          + " assets, over the HTTP API (--address, env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft backfill launch --selection 'trades/*' --from 2024-01-01 --to 2024-12-31"
          + " --max-concurrent 8",
      "  weft backfill launch --selection trades/daily --keys 2024-01-03,2024-01-09 --dry-run",
      "  weft backfill list --status RUNNING",
      "  weft backfill describe bf-1234",
      "  weft backfill pause bf-1234",
      "  weft backfill retry-failed bf-1234"
    })
final class BackfillCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new BackfillCommand()
        .withSubcommands(
            new BackfillLaunchCommand(out, err),
            new BackfillListCommand(out, err),
            new BackfillDescribeCommand(out, err),
            new BackfillControlCommand.Pause(out, err),
            new BackfillControlCommand.Resume(out, err),
            new BackfillControlCommand.Cancel(out, err),
            new BackfillControlCommand.RetryFailed(out, err));
  }
}
