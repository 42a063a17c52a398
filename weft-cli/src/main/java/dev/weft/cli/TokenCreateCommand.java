package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiRole;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft token create}: makes a token and prints its secret, the only time it is shown: alone
 * on standard output (so that {@code TOKEN=$(weft token create ...)} captures it), with what it is
 * on standard error; or the API's {@code TokenCreated} JSON with {@code --output json}.
 */
@Command(
    name = "create",
    description = {
      "Creates an API token and prints its secret, shown this once.",
      "Example: --name ci-worker --role worker --namespaces default"
    })
final class TokenCreateCommand implements Callable<Integer> {
  @Mixin private TokenTarget target;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "what the token is for (1 to 200 characters)")
  private String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "reader, worker, operator or admin: each may do what the ones before may")
  private ApiRole role;

  @Option(
      names = "--namespaces",
      required = true,
      split = ",",
      paramLabel = "NS",
      description = "the namespaces it may act on, comma-separated; '*' for every namespace")
  private List<String> namespaces;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (the secret alone) or json (default: ${DEFAULT-VALUE})")
  private TokenOutput output;

  private final PrintStream out;
  private final PrintStream err;

  TokenCreateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return target.run(
        err,
        tokens -> {
          NewApiToken created = tokens.create(name, role, new LinkedHashSet<>(namespaces));
          if (output == TokenOutput.JSON) {
            ObjectNode json = TokenOutput.json(created.token());
            json.put("token", created.secret());
            out.println(TokenOutput.text(json));
          } else {
            err.println(
                "created token "
                    + created.token().tokenId()
                    + " '"
                    + created.token().name()
                    + "': "
                    + created.token().role()
                    + " on "
                    + String.join(",", created.token().namespaces())
                    + "; its secret (below) is shown this once");
            out.println(created.secret());
          }
          return 0;
        });
  }
}
