package dev.weft.cli;

import dev.weft.engine.AppContext;
import dev.weft.engine.WeftApp;
import dev.weft.examples.ExamplesApp;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.StoreException;
import dev.weft.store.sqlite.SqliteStore;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft dev}: one process for a developer's laptop: the embedded SQLite store in {@code
 * ./weft-data}, the HTTP API on loopback, the examples served and, on a fresh store, a few example
 * runs started; prints where everything is and what to try, then serves until Ctrl-C.
 */
@Command(
    name = "dev",
    description = {
      "Runs a development server: embedded store, HTTP API, the examples.",
      "",
      "Keeps its data in --data-dir (a SQLite file), listens on 127.0.0.1 only, and starts a few"
          + " example runs on a fresh store (two orders, a subscription, an approval that waits"
          + " for your signal). Stop with Ctrl-C; the next start picks up where it stopped."
    },
    footer = {"", "Examples:", "  weft dev", "  weft dev --port 8080 --data-dir /tmp/weft"})
final class DevCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "7070",
      description = "the API's port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  private int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "weft-data",
      description = "where the store lives (default: ./${DEFAULT-VALUE}; created if missing)")
  private Path dataDir;

  @Option(
      names = "--app",
      paramLabel = "JAR",
      description =
          "a jar or class folder with a dev.weft.engine.WeftApp to serve too (repeatable)")
  private List<Path> apps = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  DevCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    List<WeftApp> served;
    WeftServerOptions options;
    try {
      served = AppLoader.load(apps, true);
      options = WeftServerOptions.defaults().withHost("127.0.0.1").withPort(port);
      Files.createDirectories(dataDir);
    } catch (IllegalArgumentException e) {
      err.println("weft dev: " + e.getMessage());
      return 2;
    }
    Path file = dataDir.resolve("weft.db").toAbsolutePath().normalize();
    ApiNode node;
    try {
      node =
          ApiNode.start(
              SqliteStore.open(file), "dev", served, new AppContext(dataDir), options, null);
    } catch (StoreException | IllegalStateException e) {
      err.println("weft dev: " + e.getMessage());
      return 1;
    }
    node.closeOnJvmStop();
    for (WeftApp app : served) {
      app.startExamples(node.engine().client());
    }
    printWelcome(node.server().baseUri(), file, served);
    node.awaitStopped();
    return 0;
  }

  private void printWelcome(URI base, Path file, List<WeftApp> served) {
    String api = base + "/api/v1";
    String ns = api + "/namespaces/default";
    out.println("Weft dev server is running.");
    out.println();
    out.println("  API       " + api + "   (OpenAPI 3.1: " + api + "/openapi.json)");
    out.println("  metrics   " + base + "/metrics   (Prometheus)");
    out.println("  store     " + file);
    out.println("  apps      " + served.stream().map(WeftApp::name).toList());
    out.println();
    out.println("Try, in another terminal:");
    if (!base.toString().equals("http://127.0.0.1:7070")) {
      out.println("  export WEFT_ADDRESS=" + base);
    }
    String approval = ExamplesApp.WAITING_APPROVAL_ID;
    out.println("  ./weft workflow list                                   # the example runs");
    out.println("  ./weft workflow query " + approval + " state          # waits for an approver");
    out.println(
        "  ./weft workflow signal " + approval + " approve -i '\"dave\"' -i '\"looks good\"'");
    out.println(
        "  python3 examples/python-worker/worker.py               # a remote worker completes "
            + ExamplesApp.WAITING_GREETING_ID);
    out.println("  curl -s " + ns + "/workflows              # the same over HTTP");
    out.println();
    out.println("Stop with Ctrl-C; the next 'weft dev' picks up where this one stopped.");
    out.flush();
  }
}
