package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft schedule}: schedules (cron or interval triggers on durable timers), over the HTTP
 * API. Without a subcommand it prints its usage and exits 2.
 */
@Command(
    name = "schedule",
    description = {
      "Creates, lists, describes, pauses, unpauses, triggers, backfills and deletes schedules,"
          + " over the HTTP API (--address, env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft schedule create nightly --cron '0 2 * * *' --time-zone Europe/Paris"
          + " --workflow-type Report --task-queue reports --input '\"daily\"'",
      "  weft schedule create ping --every PT5M --signal monitor-1 ping",
      "  weft schedule create trades --cron @daily --materialize 'trades/*'",
      "  weft schedule list",
      "  weft schedule describe nightly --next 5",
      "  weft schedule pause nightly --note 'warehouse migration'",
      "  weft schedule backfill nightly --from 2024-01-01T00:00:00Z --to 2024-01-08T00:00:00Z"
    })
final class ScheduleCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new ScheduleCommand()
        .withSubcommands(
            new ScheduleCreateCommand(out, err),
            new ScheduleListCommand(out, err),
            new ScheduleDescribeCommand(out, err),
            new ScheduleControlCommand.Pause(out, err),
            new ScheduleControlCommand.Unpause(out, err),
            new ScheduleControlCommand.Trigger(out, err),
            new ScheduleBackfillCommand(out, err),
            new ScheduleControlCommand.Delete(out, err));
  }
}
