package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft asset}: the asset catalog of a Weft server's store, over its HTTP API. Without a
 * subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft asset list --status STALE
 * weft asset materialize "+chain/daily_volume" --wait
 * </pre>
 */
@Command(
    name = "asset",
    description = {
      "Lists, describes and materializes software-defined assets, over the HTTP API (--address,"
          + " env WEFT_ADDRESS; --token, env WEFT_TOKEN).",
      "Exit codes: 0 done, 1 refused by the server, the server unreachable or (materialize --wait)"
          + " an asset not materialized, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft asset list --status STALE",
      "  weft asset describe chain/raw_blocks",
      "  weft asset materialize \"+chain/daily_volume\" --wait",
      "  weft asset history chain/raw_blocks --page-size 5",
      "  weft asset stale --output json",
      "  weft asset graph"
    })
final class AssetCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new AssetCommand());
    group.addSubcommand(new AssetListCommand(out, err));
    group.addSubcommand(new AssetDescribeCommand(out, err));
    group.addSubcommand(new AssetMaterializeCommand(out, err));
    group.addSubcommand(new AssetHistoryCommand(out, err));
    group.addSubcommand(new AssetStaleCommand(out, err));
    group.addSubcommand(new AssetGraphCommand(out, err));
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
