package dev.weft.cli;

import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the tests of the commands that talk to the HTTP API share: an engine on a SQLite file in a
 * directory of its own, with the test's workers, and a {@link WeftServer} on a free port, started
 * before the class's tests and stopped after them; {@link #run} runs a command against it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ApiServerExtension server = ApiServerExtension.serving(new ExamplesApp()::register);
 *
 * CliRun listed = server.run("queue", "list"); // weft queue list --address http://127.0.0.1:port/
 * }</pre>
 */
final class ApiServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<WeftEngine.Builder> options;
  private final Consumer<WeftEngine> workers;
  private Path dir;
  private WeftEngine engine;
  private WeftServer server;

  private ApiServerExtension(
      UnaryOperator<WeftEngine.Builder> options, Consumer<WeftEngine> workers) {
    this.options = options;
    this.workers = workers;
  }

  /** A server over an engine with the workers {@code workers} registers. */
  static ApiServerExtension serving(Consumer<WeftEngine> workers) {
    return serving(UnaryOperator.identity(), workers);
  }

  /**
   * A server over an engine built with {@code options}, with the workers {@code workers} registers.
   */
  static ApiServerExtension serving(
      UnaryOperator<WeftEngine.Builder> options, Consumer<WeftEngine> workers) {
    return new ApiServerExtension(options, workers);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("weft-cli-test");
    engine =
        options.apply(WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db")))).build();
    workers.accept(engine);
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      server.close();
      engine.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(ApiServerExtension::delete);
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the engine the server serves. */
  WeftEngine engine() {
    return engine;
  }

  /** Returns the server's address, as {@code --address} takes it. */
  String address() {
    return server.baseUri().toString();
  }

  /** Runs {@code weft <group> <args> --address <this server>}. */
  CliRun run(String group, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = group;
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = address();
    return CliRun.run(all);
  }
}
