package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.auth.ApiToken;
import dev.weft.server.http.ApiJson;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft token list}: every token, revoked ones included, oldest first, one line each under a
 * header (never a secret); or the API's {@code TokenList} JSON with {@code --output json}. With no
 * tokens, standard error says so and nothing is printed.
 */
@Command(name = "list", description = "Lists the API tokens, revoked ones included, oldest first.")
final class TokenListCommand implements Callable<Integer> {
  @Mixin private TokenTarget target;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  private TokenOutput output;

  private final PrintStream out;
  private final PrintStream err;

  TokenListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return target.run(
        err,
        tokens -> {
          List<ApiToken> all = tokens.list();
          if (output == TokenOutput.JSON) {
            ObjectNode json = ApiJson.MAPPER.createObjectNode();
            ArrayNode array = json.putArray("tokens");
            all.forEach(t -> array.add(TokenOutput.json(t)));
            out.println(TokenOutput.text(json));
          } else if (all.isEmpty()) {
            err.println("no tokens");
          } else {
            TokenOutput.table(all).forEach(out::println);
          }
          return 0;
        });
  }
}
