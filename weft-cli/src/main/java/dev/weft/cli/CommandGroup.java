package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A group of subcommands ({@code weft workflow}, {@code weft queue}, ...): what every group shares.
 * It takes {@code -h}/{@code --help}; run without a subcommand it prints its usage to standard
 * error and exits 2 (bad usage). A subclass carries its {@code @Command} (name, description,
 * examples) and builds its command line with {@link #withSubcommands}.
 */
abstract class CommandGroup implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /**
   * Returns this group's command line with {@code subcommands}, in order. Enum values are read
   * without regard to case in the group and in them ({@code --output JSON}, {@code
   * --search-attribute Amount=int}): set after the subcommands are added, so it reaches them.
   */
  final CommandLine withSubcommands(Object... subcommands) {
    CommandLine group = new CommandLine(this);
    for (Object subcommand : subcommands) {
      group.addSubcommand(subcommand);
    }
    group.setCaseInsensitiveEnumValuesAllowed(true);
    return group;
  }

  /** Prints the usage (no subcommand was given) and returns the usage-error exit code. */
  @Override
  public final Integer call() {
    CommandLine cli = spec.commandLine();
    cli.usage(cli.getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
