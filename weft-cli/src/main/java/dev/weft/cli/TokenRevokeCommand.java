package dev.weft.cli;

import dev.weft.server.auth.ApiToken;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft token revoke TOKEN_ID}: from now on the token authenticates no one, on every node.
 * Revoking a revoked token changes nothing. An unknown ID exits 1.
 */
@Command(name = "revoke", description = "Revokes an API token by its ID (see weft token list).")
final class TokenRevokeCommand implements Callable<Integer> {
  @Mixin private TokenTarget target;

  @Parameters(index = "0", paramLabel = "TOKEN_ID", description = "the token's ID")
  private String tokenId;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (one line) or json (default: ${DEFAULT-VALUE})")
  private TokenOutput output;

  private final PrintStream out;
  private final PrintStream err;

  TokenRevokeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return target.run(
        err,
        tokens -> {
          ApiToken revoked = tokens.revoke(tokenId);
          if (output == TokenOutput.JSON) {
            out.println(TokenOutput.text(TokenOutput.json(revoked)));
          } else {
            out.println(
                "revoked token "
                    + revoked.tokenId()
                    + " '"
                    + revoked.name()
                    + "' at "
                    + revoked.revokedAt());
          }
          return 0;
        });
  }
}
