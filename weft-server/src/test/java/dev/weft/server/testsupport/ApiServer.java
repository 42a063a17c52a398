package dev.weft.server.testsupport;

import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A real engine on a real store with a real server on a free loopback port, for API tests. {@link
 * #calls()} sends requests and checks every response against the OpenAPI document.
 */
public final class ApiServer implements AutoCloseable {
  private final WeftEngine engine;
  private final WeftServer server;
  private final ApiCalls calls;

  private ApiServer(WeftEngine engine, WeftServer server) {
    this.engine = engine;
    this.server = server;
    this.calls = new ApiCalls(server.baseUri());
  }

  /** Starts an engine on {@code store} in {@code dir}, registers workers, and serves the API. */
  public static ApiServer start(TestStore store, Path dir, Consumer<WeftEngine> workers) {
    return start(store, dir, workers, WeftServerOptions.defaults().withPort(0));
  }

  /** As {@link #start(TestStore, Path, Consumer)} with server options. */
  public static ApiServer start(
      TestStore store, Path dir, Consumer<WeftEngine> workers, WeftServerOptions options) {
    return start(store, dir, b -> b, workers, options);
  }

  /**
   * As {@link #start(TestStore, Path, Consumer, WeftServerOptions)}, with the engine's builder
   * configured first (search attributes, limits, namespace).
   */
  public static ApiServer start(
      TestStore store,
      Path dir,
      UnaryOperator<WeftEngine.Builder> engineSettings,
      Consumer<WeftEngine> workers,
      WeftServerOptions options) {
    // the engine shares the server's registry, as an application serving metrics would
    WeftEngine engine =
        engineSettings
            .apply(
                WeftEngine.builder().store(store.open(dir)).meterRegistry(options.meterRegistry()))
            .build();
    try {
      workers.accept(engine);
      engine.start();
      return new ApiServer(engine, WeftServer.start(engine, options));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The engine behind the API. */
  public WeftEngine engine() {
    return engine;
  }

  /** The server. */
  public WeftServer server() {
    return server;
  }

  /** A client for plain HTTP calls that validates every response against the OpenAPI document. */
  public ApiCalls calls() {
    return calls;
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
