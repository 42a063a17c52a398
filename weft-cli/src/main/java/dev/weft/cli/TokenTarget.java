package dev.weft.cli;

import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.ApiTokenNotFoundException;
import dev.weft.server.auth.ApiTokens;
import dev.weft.server.auth.NewApiToken;
import dev.weft.server.http.ApiRole;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where {@code weft token} works, a picocli mixin: on a store directly ({@code --store}, with no
 * server: how an operator makes the first admin token), or through a server's API ({@code
 * --address} and {@code --token}, or {@code WEFT_ADDRESS} and {@code WEFT_TOKEN}), where the
 * caller's token needs the ADMIN role bound to every namespace.
 *
 * <p>A SQLite file must exist and is refused while a server has it open (use the API then); a
 * PostgreSQL database may be served meanwhile. Exit codes: 0 done; 2 bad usage (no place or two, a
 * bad address or argument, a request the API refused as bad); 1 the operation failed (no such
 * token, the API refused the caller, the store or the server cannot be reached). Messages go to
 * standard error, never with a password or a token's secret.
 */
final class TokenTarget {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(
      names = "--store",
      paramLabel = "LOCATION",
      description = {
        "work on this store directly, with no server: a SQLite file (not open in a server) or",
        "postgres://user:password@host:5432/db"
      })
  private String store;

  @Option(
      names = "--address",
      paramLabel = "URL",
      defaultValue = "${env:WEFT_ADDRESS}",
      description =
          "work through the API at this address, e.g. http://127.0.0.1:7070 (default: WEFT_ADDRESS)")
  private String address;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:WEFT_TOKEN}",
      description = "the API token to call with: an ADMIN bound to '*' (default: WEFT_TOKEN)")
  private String token;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  /** A subcommand's work; returns the exit code. */
  @FunctionalInterface
  interface Work {
    int run(TokenAdmin tokens) throws IOException;
  }

  /** Runs {@code work} where the options say, and returns the exit code (see the class). */
  int run(PrintStream err, Work work) {
    String name = command.qualifiedName();
    boolean addressGiven = command.commandLine().getParseResult().hasMatchedOption("--address");
    if (store != null && addressGiven) {
      err.println(name + ": give --store (on the store) or --address (through the API), not both");
      return 2;
    }
    if (store != null) {
      return onStore(name, err, work);
    }
    if (address == null || address.isBlank()) {
      err.println(
          name
              + ": say where the tokens are: --store LOCATION (directly) or --address URL"
              + " (through the API; or WEFT_ADDRESS)");
      return 2;
    }
    ApiHttp api;
    try {
      api = new ApiHttp(address, token);
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    }
    try {
      return work.run(new TokenApiClient(api));
    } catch (ApiCallException e) {
      err.println(name + ": " + e.getMessage());
      return e.status() == 400 ? 2 : 1;
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println(name + ": " + e.getMessage());
      return 1;
    }
  }

  private int onStore(String name, PrintStream err, Work work) {
    StoreLocation where;
    try {
      where = StoreLocation.parse(store);
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    }
    String nodeId = "weft-cli-" + ProcessHandle.current().pid();
    try (Store opened =
        where.open(StoreLocation.OpenOptions.node(nodeId).withCreateIfMissing(false))) {
      return work.run(new OnStore(ApiTokens.in(opened)));
    } catch (ApiTokenNotFoundException | StoreException e) {
      err.println(name + ": " + where.redact(e.getMessage()));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + where.redact(e.getMessage()));
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println(name + " failed: " + where.redact(e.toString()));
      return 1;
    }
  }

  /** The tokens of an open store. */
  private record OnStore(ApiTokens tokens) implements TokenAdmin {
    @Override
    public NewApiToken create(String name, ApiRole role, Set<String> namespaces) {
      return tokens.create(name, role, namespaces);
    }

    @Override
    public List<ApiToken> list() {
      return tokens.list();
    }

    @Override
    public ApiToken revoke(String tokenId) {
      return tokens.revoke(tokenId);
    }
  }
}
