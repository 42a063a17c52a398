package dev.weft.testsupport;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Store;
import dev.weft.store.StoreStats;
import dev.weft.store.jdbc.JdbcExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An engine on a real store for engine tests (a SQLite file unless a {@link TestStore} is given or
 * {@link Clients} names another default), restartable on the same store (as after a crash or a
 * deploy). Tests register their workers in the {@code setup} callback.
 */
public final class EngineFixture implements AutoCloseable {
  private final TestStore kind;
  private final Path dir;
  private final UnaryOperator<WeftEngine.Builder> options;
  private final List<JdbcExtension> extensions;
  private WeftEngine engine;
  private Clients.Connection connection;

  private EngineFixture(
      TestStore kind,
      Path dir,
      UnaryOperator<WeftEngine.Builder> options,
      List<JdbcExtension> extensions) {
    this.kind = kind;
    this.dir = dir;
    this.options = options;
    this.extensions = extensions;
  }

  /** Starts an engine on {@code dir/weft.db} with workers set up by {@code setup}. */
  public static EngineFixture start(Path dir, Consumer<WeftEngine> setup) {
    return start(dir, UnaryOperator.identity(), setup);
  }

  /** Starts an engine with builder options and workers. */
  public static EngineFixture start(
      Path dir, UnaryOperator<WeftEngine.Builder> options, Consumer<WeftEngine> setup) {
    return start(Clients.defaultStore(), dir, options, setup);
  }

  /** Starts an engine on a store of the given kind, named by {@code dir}. */
  public static EngineFixture start(TestStore kind, Path dir, Consumer<WeftEngine> setup) {
    return start(kind, dir, UnaryOperator.identity(), setup);
  }

  /** Starts an engine on a store of the given kind, with builder options and workers. */
  public static EngineFixture start(
      TestStore kind,
      Path dir,
      UnaryOperator<WeftEngine.Builder> options,
      Consumer<WeftEngine> setup) {
    return start(kind, dir, List.of(), options, setup);
  }

  /**
   * Starts an engine on a store of the given kind with a test's store extensions installed (besides
   * the discovered ones), with builder options and workers.
   */
  public static EngineFixture start(
      TestStore kind,
      Path dir,
      List<JdbcExtension> extensions,
      UnaryOperator<WeftEngine.Builder> options,
      Consumer<WeftEngine> setup) {
    EngineFixture fixture = new EngineFixture(kind, dir, options, List.copyOf(extensions));
    fixture.open(setup);
    return fixture;
  }

  private void open(Consumer<WeftEngine> setup) {
    Store store = kind.open(dir, extensions);
    engine = options.apply(WeftEngine.builder().store(store)).build();
    setup.accept(engine);
    engine.start();
    try {
      connection = Clients.connect(engine);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private void closeEngine() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    engine.close();
  }

  /** Stops the engine and starts a new one on the same store with other workers. */
  public void restart(Consumer<WeftEngine> setup) {
    closeEngine();
    open(setup);
  }

  public WeftEngine engine() {
    return engine;
  }

  /**
   * The client tests use: the engine's own, or the one {@link Clients} makes (the client over HTTP
   * in weft-server's runs of these tests).
   */
  public WeftClient client() {
    return connection != null ? connection.client() : engine.client();
  }

  public Store store() {
    return engine.store();
  }

  public StoreStats stats() {
    return store().stats();
  }

  @Override
  public void close() {
    closeEngine();
  }
}
