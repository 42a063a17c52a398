package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft token}: creates, lists and revokes the HTTP API's tokens, on a store directly or
 * through a server's API. Without a subcommand it prints its usage and exits 2.
 */
@Command(
    name = "token",
    description = {
      "Creates, lists and revokes API tokens: on a store directly (--store, no server needed:"
          + " how the first admin token is made) or through a server (--address and --token, or"
          + " WEFT_ADDRESS and WEFT_TOKEN; the caller needs an ADMIN token bound to '*').",
      "A token's secret is shown once, when it is created; the store keeps only its hash."
    },
    footer = {
      "",
      "Examples:",
      "  weft token create --store weft.db --name first-admin --role admin --namespaces '*'",
      "  weft token create --address https://weft.example:7070 --name ci --role worker"
          + " --namespaces default",
      "  weft token list --address http://127.0.0.1:7070 --output json",
      "  weft token revoke --store postgres://weft:secret@db:5432/weft 3f2a9c0d4e5b6a71"
    })
final class TokenCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new TokenCommand());
    group.addSubcommand(new TokenCreateCommand(out, err));
    group.addSubcommand(new TokenListCommand(out, err));
    group.addSubcommand(new TokenRevokeCommand(out, err));
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
