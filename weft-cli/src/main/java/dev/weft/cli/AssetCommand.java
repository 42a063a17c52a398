package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      "Lists, describes, materializes and invalidates software-defined assets and their"
          + " partitions, over the HTTP API (--address,"
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
      "  weft asset automation chain/clean_blocks",
      "  weft asset stale --output json",
      "  weft asset graph",
      "  weft asset freshness chain/daily_volume",
      "  weft asset freshness",
      "  weft asset partitions chain/blocks --bar 80",
      "  weft asset partitions chain/blocks --status FAILED",
      "  weft asset invalidate chain/blocks --from 19000000 --to 19000014 --reason \"re-org\"",
      "  weft asset dynamic-partitions customers --add acme,globex",
      "  weft asset integer-end chain --advance 19000015"
    })
final class AssetCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new AssetCommand()
        .withSubcommands(
            new AssetListCommand(out, err),
            new AssetDescribeCommand(out, err),
            new AssetMaterializeCommand(out, err),
            new AssetHistoryCommand(out, err),
            new AssetAutomationCommand(out, err),
            new AssetStaleCommand(out, err),
            new AssetGraphCommand(out, err),
            new AssetFreshnessCommand(out, err),
            new AssetPartitionsCommand(out, err),
            new AssetInvalidateCommand(out, err),
            new AssetDynamicPartitionsCommand(out, err),
            new AssetIntegerEndCommand(out, err));
  }
}
