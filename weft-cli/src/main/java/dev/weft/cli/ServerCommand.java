package dev.weft.cli;

import dev.weft.converter.PayloadCodec;
import dev.weft.engine.AppContext;
import dev.weft.engine.WeftApp;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft server}: runs an engine node with the examples' workers on a SQLite file or a shared
 * PostgreSQL database until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it cleanly.
 *
 * <p>Fails fast: a store that cannot be opened (an unreachable database, a file in use, a schema
 * that does not fit) is one line on standard error naming the store without its password and the
 * cause, exit code 1; bad options exit 2.
 */
@Command(
    name = "server",
    description = {
      "Runs an engine node with the HTTP API until SIGTERM or Ctrl-C.",
      "",
      "The node serves the workflows and activities of its apps (--app: jars naming a"
          + " dev.weft.engine.WeftApp in META-INF/services; the built-in examples unless"
          + " --no-examples) and the HTTP API on --bind:--port (OpenAPI at /api/v1/openapi.json),"
          + " and logs to standard error. On SIGTERM or Ctrl-C it stops cleanly: the API finishes"
          + " its requests, running tasks get up to 10 s to finish, and whatever did not finish"
          + " resumes on the next node.",
      "",
      "The store is a SQLite file (created if missing; one process at a time) or a PostgreSQL"
          + " database that any number of nodes share.",
      "",
      "Connections: each node holds readConnections + 2 connections to PostgreSQL (the readers,"
          + " one writer that group-commits every write of the node, and one that listens for"
          + " other nodes' notifications), so 6 with the default --read-connections 4. Size the"
          + " server's max_connections (PostgreSQL's default is 100) for the sum over all nodes,"
          + " plus clients and tools. Behind a pooler, use session pooling: LISTEN and the"
          + " schema's advisory lock need a session.",
      "",
      "Exit codes: 1 the store cannot be opened (one line naming it, without its password, and"
          + " the cause); 2 bad options. Stopped by a signal, the JVM exits with 128 + the signal"
          + " (130 for Ctrl-C, 143 for SIGTERM) after the clean stop."
    },
    footer = {
      "",
      "Examples:",
      "  weft server                  # on weft.db in the working directory",
      "  weft server --app billing.jar --no-examples --port 8080",
      "  weft server --store postgres://weft:secret@db:5432/weft --migrate",
      "  weft server --store 'jdbc:postgresql://db/weft?user=weft&password=pw'"
    })
final class ServerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger("weft.server");
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(
      names = "--store",
      paramLabel = "LOCATION",
      defaultValue = "weft.db",
      description = {
        "a SQLite file (default: ${DEFAULT-VALUE} in the working directory; created if missing),"
            + " or a PostgreSQL database:",
        "postgres://user:password@host:5432/db",
        "jdbc:postgresql://host:5432/db?user=u&password=p"
      })
  private String store;

  @Option(
      names = "--migrate",
      description =
          "upgrade a PostgreSQL schema older than this node (off by default, so that a new node"
              + " does not change the schema under older ones; an empty database always gets"
              + " the schema, and a SQLite file is always upgraded)")
  private boolean migrate;

  @Option(
      names = "--node-id",
      paramLabel = "ID",
      description =
          "this node's name in leases and PostgreSQL's application_name; letters, digits, '.',"
              + " '_' and '-', unique among the nodes of a database (default: <host>-<pid>)")
  private String nodeId;

  @Option(
      names = "--read-connections",
      paramLabel = "N",
      description = "connections for reads (default 4); PostgreSQL: the node holds N + 2")
  private Integer readConnections;

  @Option(
      names = "--app",
      paramLabel = "JAR",
      description =
          "a jar or class folder with a dev.weft.engine.WeftApp service to serve (repeatable)")
  private List<Path> apps = new ArrayList<>();

  @Option(
      names = "--no-examples",
      description =
          "do not serve the built-in examples (orders, subscriptions, approvals, catch-up)")
  private boolean noExamples;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "the address the API listens on (default: ${DEFAULT-VALUE})")
  private String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "7070",
      description = "the API's port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  private int port;

  @Mixin private ServerSecurityOptions security;

  @Mixin private PayloadKeyOptions payloadKeys;

  private final PrintStream err;

  ServerCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws InterruptedException {
    StoreLocation where;
    String node;
    try {
      where = StoreLocation.parse(store);
      node = nodeId != null ? checkNodeId(nodeId) : defaultNodeId();
      if (readConnections != null && readConnections < 1) {
        throw new IllegalArgumentException(
            "--read-connections must be >= 1, was " + readConnections);
      }
    } catch (IllegalArgumentException e) {
      err.println("weft server: " + e.getMessage());
      return 2;
    }
    List<WeftApp> served;
    WeftServerOptions serverOptions;
    PayloadCodec codec;
    try {
      served = AppLoader.load(apps, !noExamples);
      serverOptions = security.applyTo(WeftServerOptions.defaults().withHost(bind).withPort(port));
      codec = payloadKeys.codec();
    } catch (IllegalArgumentException e) {
      err.println("weft server: " + e.getMessage());
      return 2;
    }
    ApiNode apiNode;
    try {
      apiNode = start(where, node, served, serverOptions, codec);
    } catch (IllegalStateException e) {
      err.println("weft server: " + oneLine(where.redact(e.getMessage())));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("weft server: " + oneLine(where.redact(e.getMessage())));
      return 2;
    } catch (StoreException e) {
      err.println("weft server: " + oneLine(where.redact(e.getMessage())));
      return 1;
    }
    apiNode.closeOnJvmStop();
    log.info(
        "Weft {} node {} serving apps {} on {}; API on {}; stop with SIGTERM or Ctrl-C",
        VersionProvider.weftVersion(),
        node,
        served.stream().map(WeftApp::name).toList(),
        where,
        apiNode.server().baseUri());
    log.info(
        "pid {} on {}, working directory {}, JVM {}",
        ProcessHandle.current().pid(),
        hostName(),
        Path.of("").toAbsolutePath(),
        System.getProperty("java.version"));
    apiNode.awaitStopped();
    return 0;
  }

  private ApiNode start(
      StoreLocation where,
      String node,
      List<WeftApp> served,
      WeftServerOptions serverOptions,
      PayloadCodec codec) {
    showInfoLogs();
    Store opened =
        where.open(
            StoreLocation.OpenOptions.node(node)
                .withReadConnections(readConnections)
                .withMigrate(migrate));
    return ApiNode.start(opened, node, served, AppContext.defaults(), serverOptions, codec);
  }

  /** A server's INFO logs (outages and recoveries, migrations, resumed work) are for operators. */
  private static void showInfoLogs() {
    if (LoggerFactory.getLogger("dev.weft") instanceof ch.qos.logback.classic.Logger weft) {
      weft.setLevel(ch.qos.logback.classic.Level.INFO);
    }
    if (log instanceof ch.qos.logback.classic.Logger server) {
      server.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  private static String checkNodeId(String id) {
    if (!NODE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "--node-id must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit; was '"
              + id
              + "'");
    }
    return id;
  }

  /** {@code <host>-<pid>}, the host name cut to what a node ID allows. */
  private static String defaultNodeId() {
    String host = hostName().replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
    host = host.substring(0, Math.min(host.length(), 40));
    return (host.isEmpty() ? "node" : host) + "-" + ProcessHandle.current().pid();
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
