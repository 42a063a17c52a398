package dev.weft.server;

import dev.weft.engine.WeftEngine;
import dev.weft.server.api.HealthRoutes;
import dev.weft.server.api.OpenApiRoutes;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.namespaces.NamespaceRoutes;
import dev.weft.server.api.workflows.WorkflowRoutes;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.ProblemResponses;
import dev.weft.server.http.RouteGroup;
import dev.weft.server.http.WeftServerKeys;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weft's HTTP API ({@code /api/v1}, described by the OpenAPI 3.1 document at {@code
 * /api/v1/openapi.json}) over an engine, served by Javalin on Jetty with a virtual thread per
 * request.
 *
 * <p>An application that embeds the engine serves the API in-process:
 *
 * <pre>{@code
 * WeftEngine engine = WeftEngine.builder().store(store).build();
 * engine.start();
 * try (WeftServer server = WeftServer.start(engine, WeftServerOptions.defaults())) {
 *   ... // http://127.0.0.1:7070/api/v1/health
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the HTTP side (requests in flight finish) and leaves the engine to its
 * owner.
 */
public final class WeftServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WeftServer.class);

  private final Javalin app;
  private final List<ApiRoute> routes;
  private final String host;

  private WeftServer(Javalin app, List<ApiRoute> routes, String host) {
    this.app = app;
    this.routes = routes;
    this.host = host;
  }

  /**
   * Starts serving the API over {@code engine} (which the caller starts and closes).
   *
   * @throws IllegalStateException if the address cannot be bound (in use, not local)
   */
  public static WeftServer start(WeftEngine engine, WeftServerOptions options) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(options, "options");
    ApiRoutes routes = new ApiRoutes();
    for (RouteGroup group : groups(engine)) {
      group.addTo(routes);
    }
    List<ApiRoute> all = routes.all();
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              config.http.maxRequestSize = options.maxRequestBytes();
              config.http.prefer405over404 = true;
              config.router.ignoreTrailingSlashes = true;
              config.appData(WeftServerKeys.MAX_REQUEST_BYTES, options.maxRequestBytes());
              ProblemResponses.install(config);
              for (ApiRoute r : all) {
                config.routes.addEndpoint(new Endpoint(r.method(), r.path(), r.handler()));
              }
            });
    try {
      app.start(options.host(), options.port());
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(
          "cannot serve the API on "
              + options.host()
              + ":"
              + options.port()
              + ": "
              + e.getMessage(),
          e);
    }
    WeftServer server = new WeftServer(app, all, options.host());
    log.info("Weft API on {}", server.baseUri());
    return server;
  }

  private static List<RouteGroup> groups(WeftEngine engine) {
    return List.of(
        new HealthRoutes(engine),
        new OpenApiRoutes(),
        new NamespaceRoutes(engine.namespaces()),
        new WorkflowRoutes(new ServedNamespaces(engine)));
  }

  /** The port the API listens on (the one picked when the options asked for 0). */
  public int port() {
    return app.port();
  }

  /** The API's base address, e.g. {@code http://127.0.0.1:7070}. */
  public URI baseUri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if ("0.0.0.0".equals(host) || "::".equals(host)) {
      h = "127.0.0.1";
    }
    return URI.create("http://" + h + ":" + port());
  }

  /** Every route the server serves (for the OpenAPI contract test and the docs). */
  public List<ApiRoute> routes() {
    return routes;
  }

  /** Stops accepting requests and lets those in flight finish. Does not close the engine. */
  @Override
  public void close() {
    app.stop();
  }
}
