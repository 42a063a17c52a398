package dev.weft.cli;

import dev.weft.client.WeftClient;
import dev.weft.common.SearchAttributeType;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.failure.WeftException;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every {@code weft workflow} subcommand shares, and running a subcommand's work on the
 * {@link WeftClient} they name. A picocli mixin.
 *
 * <p>Two ways to reach the runs:
 *
 * <ul>
 *   <li><b>over the HTTP API</b> (the default): {@code --address} (or {@code WEFT_ADDRESS}; default
 *       {@code http://127.0.0.1:7070}, where {@code weft dev} listens), {@code --token} (or {@code
 *       WEFT_TOKEN}), {@code --namespace} (or {@code WEFT_NAMESPACE}). Every command works this way
 *       while {@code weft dev} or {@code weft server} runs.
 *   <li><b>offline on a store</b>: {@code --store} (or its alias {@code --db}), a SQLite file or a
 *       PostgreSQL database. The engine is built but never started, so no workflow code runs in the
 *       CLI; a reset, or the import of an open history, leaves a workflow task for the next engine
 *       that serves the run's task queue. A SQLite file must exist (the CLI never creates an empty
 *       store by mistake) and is locked while the command runs: it is refused while an engine has
 *       it open. A PostgreSQL database is shared: the commands work while nodes serve it, and its
 *       schema must exist and not be older than this CLI (it is never upgraded here).
 * </ul>
 *
 * <p>Exit codes: 0 done; 2 bad input (a store location that is neither a file path nor a PostgreSQL
 * URL, no such store or history file, invalid query or reset point, bad option value, malformed
 * history); 1 anything else Weft, the API or the store refused or failed (an unreachable server or
 * database among them). The message goes to standard error, prefixed with the command's name, never
 * with a password or token.
 */
final class ClientOptions {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Offline on a store (one of):%n")
  private Location location;

  /** {@code --store LOCATION}, or its alias {@code --db}: one of them, once. */
  static final class Location {
    @Option(
        names = "--store",
        required = true,
        paramLabel = "LOCATION",
        description = {
          "an existing store, a SQLite file or a PostgreSQL URL:",
          "postgres://user:password@host:5432/db",
          "jdbc:postgresql://host:5432/db?user=u&password=p"
        })
    private String store;

    @Option(
        names = "--db",
        required = true,
        paramLabel = "LOCATION",
        description = "an alias of --store, kept from when only SQLite files were supported")
    private String db;

    String value() {
      return store != null ? store : db;
    }
  }

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (default: $WEFT_NAMESPACE, else default)")
  private String namespace;

  @Option(
      names = "--address",
      paramLabel = "URL",
      defaultValue = "${env:WEFT_ADDRESS:-http://127.0.0.1:7070}",
      description = "the Weft API (default: $WEFT_ADDRESS, else http://127.0.0.1:7070)")
  private String address;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:WEFT_TOKEN}",
      description = "an API token (default: $WEFT_TOKEN; none for weft dev)")
  private String token;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (readable, the default) or json")
  private OutputFormat output;

  @Option(
      names = "--search-attribute",
      paramLabel = "NAME=TYPE",
      description = {
        "registers a custom search attribute, so that a query can name it; repeatable.",
        "TYPE: KEYWORD, TEXT, INT, DOUBLE, BOOL, DATETIME or KEYWORD_LIST"
      })
  private Map<String, SearchAttributeType> searchAttributes = new LinkedHashMap<>();

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  /** A subcommand's work on the client; returns the exit code. */
  @FunctionalInterface
  interface ClientWork {
    int run(WeftClient client) throws IOException;
  }

  /**
   * Opens the store, runs {@code work} on its client, closes the store, and returns the exit code;
   * errors are printed to {@code err} (see the class description for the exit codes).
   */
  int run(PrintStream err, ClientWork work) {
    if (location == null) {
      return runOverApi(err, work);
    }
    String name = command.qualifiedName();
    StoreLocation where;
    try {
      where = StoreLocation.parse(location.value());
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    }
    try (WeftEngine engine = open(where)) {
      return work.run(engine.client());
    } catch (InvalidQueryException | InvalidResetPointException | IllegalArgumentException e) {
      err.println(name + ": " + where.redact(e.getMessage()));
      return 2;
    } catch (WeftException | StoreException e) {
      err.println(name + ": " + where.redact(e.getMessage()));
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println(name + " failed: " + where.redact(e.toString()));
      return 1;
    }
  }

  private int runOverApi(PrintStream err, ClientWork work) {
    String name = command.qualifiedName();
    WeftClient client;
    try {
      client = ApiConnection.connect(address, token, namespace);
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    }
    try {
      return work.run(client);
    } catch (InvalidQueryException | InvalidResetPointException | IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    } catch (WeftException e) {
      err.println(name + ": " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println(name + ": " + ApiConnection.explain(address, e));
      return 1;
    }
  }

  /** The output format the user asked for. */
  OutputFormat output() {
    return output;
  }

  /**
   * Returns the absolute path of an existing regular file.
   *
   * @throws IllegalArgumentException naming the path if there is no such file (exit code 2)
   */
  static Path requireFile(Path path, String what) {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no " + what + " at " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(what + " " + file + " is not a regular file");
    }
    return file;
  }

  private WeftEngine open(StoreLocation location) {
    String nodeId = "weft-cli-" + ProcessHandle.current().pid();
    WeftEngine.Builder builder = WeftEngine.builder().namespace(namespace).nodeId(nodeId);
    searchAttributes.forEach(builder::registerSearchAttribute);
    Store store = location.open(StoreLocation.OpenOptions.node(nodeId).withCreateIfMissing(false));
    try {
      return builder.store(store).build();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
