package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft sensor}: lists, describes, pauses and unpauses the sensors apps defined, and sets or
 * resets their cursors, over the HTTP API. Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft sensor list
 * weft sensor describe new_blocks
 * weft sensor cursor new_blocks --reset
 * </pre>
 */
@Command(
    name = "sensor",
    description = {
      "Lists, describes, pauses and unpauses sensors (defined by apps with Sensors.builder(engine))"
          + " and sets their cursors, over the HTTP API (--address, env WEFT_ADDRESS; --token,"
          + " env WEFT_TOKEN).",
      "A change is sent to the sensor's workflow, which applies it right after.",
      "Exit codes: 0 done, 1 refused by the server or the server unreachable, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft sensor list",
      "  weft sensor describe new_blocks --output json",
      "  weft sensor pause new_blocks --note 'chain maintenance'",
      "  weft sensor unpause new_blocks",
      "  weft sensor cursor new_blocks 1200",
      "  weft sensor cursor new_blocks --reset"
    })
final class SensorCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new SensorCommand()
        .withSubcommands(
            new SensorListCommand(out, err),
            new SensorDescribeCommand(out, err),
            new SensorPauseCommand(out, err),
            new SensorUnpauseCommand(out, err),
            new SensorCursorCommand(out, err));
  }
}
