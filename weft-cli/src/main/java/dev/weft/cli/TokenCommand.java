package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
final class TokenCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new TokenCommand()
        .withSubcommands(
            new TokenCreateCommand(out, err),
            new TokenListCommand(out, err),
            new TokenRevokeCommand(out, err));
  }
}
