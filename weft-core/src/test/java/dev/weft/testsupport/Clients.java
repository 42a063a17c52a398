package dev.weft.testsupport;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;

/**
 * Which client {@link EngineFixture#client()} hands out: the engine's own (the default), or one a
 * {@link Factory} makes for the engine. weft-server's tests install a factory that serves the API
 * on the engine and connects {@code WeftClient.connect} to it, then run weft-core's client tests
 * unchanged (subclasses of them): the same assertions hold for the client over HTTP. The setting is
 * per test JVM, installed before a test and reset after it (tests in a JVM run one at a time).
 */
public final class Clients {
  private static volatile Factory factory;
  private static volatile TestStore defaultStore = TestStore.SQLITE;

  private Clients() {}

  /** Makes the client of a started engine. */
  @FunctionalInterface
  public interface Factory {
    Connection connect(WeftEngine engine);
  }

  /** A client and what it needs (a server), closed before its engine. */
  public interface Connection extends AutoCloseable {
    WeftClient client();

    @Override
    void close();
  }

  /**
   * Makes {@link EngineFixture} hand out the factory's clients, on {@code store} for fixtures that
   * do not name a store.
   */
  public static void use(Factory clients, TestStore store) {
    factory = clients;
    defaultStore = store;
  }

  /** Back to the engine's own client on SQLite. */
  public static void reset() {
    factory = null;
    defaultStore = TestStore.SQLITE;
  }

  static TestStore defaultStore() {
    return defaultStore;
  }

  /** The connection for a started engine, or {@code null} for its own client. */
  static Connection connect(WeftEngine engine) {
    Factory f = factory;
    return f == null ? null : f.connect(engine);
  }
}
