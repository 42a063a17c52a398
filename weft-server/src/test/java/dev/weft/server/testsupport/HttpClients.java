package dev.weft.server.testsupport;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.testsupport.Clients;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a weft-core client test (a subclass of it, with this extension) against the client over
 * HTTP: every engine the test's {@code EngineFixture} starts gets a {@link WeftServer} on a free
 * loopback port, and the fixture's {@code client()} is {@code WeftClient.connect} to it. Fixtures
 * that name no store use the extension's store.
 */
public abstract class HttpClients implements BeforeEachCallback, AfterEachCallback {
  private final dev.weft.testsupport.TestStore store;

  HttpClients(dev.weft.testsupport.TestStore store) {
    this.store = store;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Clients.use(HttpClients::serve, store);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Clients.reset();
  }

  private static Clients.Connection serve(WeftEngine engine) {
    WeftServer server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    WeftClient client = WeftClient.connect(server.baseUri().toString(), null);
    return new Clients.Connection() {
      @Override
      public WeftClient client() {
        return client;
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /** The client over HTTP, fixtures on SQLite unless they name a store. */
  public static final class OnSqlite extends HttpClients {
    public OnSqlite() {
      super(dev.weft.testsupport.TestStore.SQLITE);
    }
  }

  /** The client over HTTP, fixtures on PostgreSQL unless they name a store. */
  public static final class OnPostgres extends HttpClients {
    public OnPostgres() {
      super(dev.weft.testsupport.TestStore.POSTGRES);
    }
  }
}
