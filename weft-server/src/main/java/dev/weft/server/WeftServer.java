package dev.weft.server;

import dev.weft.engine.WeftEngine;
import dev.weft.server.api.HealthRoutes;
import dev.weft.server.api.MetricsRoutes;
import dev.weft.server.api.NodeRoutes;
import dev.weft.server.api.OpenApiRoutes;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.TokenRoutes;
import dev.weft.server.api.activities.ActivityTaskRoutes;
import dev.weft.server.api.activities.FlowControlRoutes;
import dev.weft.server.api.activities.TaskQueueRoutes;
import dev.weft.server.api.assets.AssetRoutes;
import dev.weft.server.api.assets.AutomationRoutes;
import dev.weft.server.api.assets.BackfillRoutes;
import dev.weft.server.api.assets.FreshnessRoutes;
import dev.weft.server.api.assets.IntegerPartitionRoutes;
import dev.weft.server.api.assets.PartitionRoutes;
import dev.weft.server.api.hooks.HookRoutes;
import dev.weft.server.api.namespaces.NamespaceRoutes;
import dev.weft.server.api.schedules.ScheduleRoutes;
import dev.weft.server.api.sensors.SensorRoutes;
import dev.weft.server.api.workflows.WorkflowRoutes;
import dev.weft.server.auth.ApiAccess;
import dev.weft.server.auth.ApiTokens;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.ProblemResponses;
import dev.weft.server.http.RequestTimings;
import dev.weft.server.http.RouteGroup;
import dev.weft.server.http.WeftServerKeys;
import dev.weft.server.ui.WebUi;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * <p><b>Security.</b> With {@link WeftServerOptions#withTokenAuth token authentication}, every
 * route that declares a role needs an API token of the engine's store ({@link ApiTokens}, {@code
 * weft token create}) with that role on the route's namespace ({@link ApiAccess}); the server
 * refuses to start on an address other than loopback without it, unless the options say {@link
 * WeftServerOptions#withInsecure insecure}. With {@link WeftServerOptions#withTls TLS} it serves
 * HTTPS only.
 *
 * <p>It serves the web UI of the {@code weft-ui} jar at {@code /} (see {@link WebUi}): every GET
 * outside {@code /api/} (and {@code /metrics}) is the UI's.
 *
 * <p>With {@link WeftServerOptions#withMeterRegistry} it also serves {@code GET /metrics} (the
 * Prometheus text format, open like health) and times every request by route template and status.
 *
 * <p>{@link #close()} stops the HTTP side (requests in flight finish) and leaves the engine to its
 * owner.
 */
public final class WeftServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WeftServer.class);

  private final Javalin app;
  private final List<ApiRoute> routes;
  private final String host;
  private final boolean https;

  private WeftServer(Javalin app, List<ApiRoute> routes, String host, boolean https) {
    this.app = app;
    this.routes = routes;
    this.host = host;
    this.https = https;
  }

  /**
   * Starts serving the API over {@code engine} (which the caller starts and closes).
   *
   * @throws IllegalArgumentException if the options are not safe or not usable: an address other
   *     than loopback without token authentication and without {@code insecure} (the message names
   *     {@code --insecure}), token authentication on a store without the api-tokens extension, TLS
   *     files that are missing or malformed (the message names the file)
   * @throws IllegalStateException if the address cannot be bound (in use, not local)
   */
  public static WeftServer start(WeftEngine engine, WeftServerOptions options) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(options, "options");
    checkExposure(options);
    ApiTokens tokens = ApiTokens.in(engine.store());
    ApiAccess access = options.tokenAuth() ? ApiAccess.withTokens(tokens) : ApiAccess.open();
    if (options.tokenAuth()) {
      try {
        tokens.requireInstalled();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "token authentication needs the api-tokens store extension: " + e.getMessage(), e);
      }
    }
    TlsKeyStore.Loaded keys = options.tls() == null ? null : TlsKeyStore.load(options.tls());
    ApiRoutes routes = new ApiRoutes();
    for (RouteGroup group : groups(engine, tokens, options)) {
      group.addTo(routes);
    }
    List<ApiRoute> all = routes.all();
    WebUi ui = WebUi.fromClassPath();
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
              if (keys != null) {
                config.jetty.addConnector(
                    (server, http) ->
                        HttpsConnector.create(server, http, keys, options.host(), options.port()));
              }
              if (options.meterRegistry() != null) {
                RequestTimings.install(config, options.meterRegistry());
              }
              ui.install(config, serverSegments(all));
              for (ApiRoute r : all) {
                config.routes.addEndpoint(new Endpoint(r.method(), r.path(), access.guard(r)));
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
    WeftServer server = new WeftServer(app, all, options.host(), keys != null);
    log.info(
        "Weft API on {}{}{}",
        server.baseUri(),
        ui.built() ? ", web UI at /" : ", no web UI (built with -Dweft.ui.skip)",
        options.tokenAuth()
            ? ", API tokens required"
            : options.insecure() && !isLoopback(options.host())
                ? ", WITHOUT tokens on a non-loopback address (--insecure)"
                : ", without tokens (loopback only)");
    return server;
  }

  private static List<RouteGroup> groups(
      WeftEngine engine, ApiTokens tokens, WeftServerOptions options) {
    ServedNamespaces namespaces = new ServedNamespaces(engine);
    // Javalin tries a method's routes in the order added and takes the first whose pattern
    // matches, so the routes remote workers call many times a second (poll, complete) come first.
    List<RouteGroup> groups =
        new ArrayList<>(
            List.of(
                new ActivityTaskRoutes(engine, namespaces),
                new HealthRoutes(engine),
                new OpenApiRoutes(),
                new TokenRoutes(tokens),
                new NamespaceRoutes(engine.namespaces()),
                new WorkflowRoutes(namespaces),
                new TaskQueueRoutes(engine, namespaces),
                new FlowControlRoutes(engine, namespaces),
                new NodeRoutes(engine),
                new AssetRoutes(engine, namespaces),
                new FreshnessRoutes(engine, namespaces),
                new AutomationRoutes(engine, namespaces),
                new PartitionRoutes(engine, namespaces, Clock.systemUTC(), Duration.ofSeconds(30)),
                new IntegerPartitionRoutes(engine, namespaces, Clock.systemUTC()),
                new BackfillRoutes(engine, namespaces),
                new HookRoutes(engine, namespaces, System::getenv, Clock.systemUTC()),
                new ScheduleRoutes(namespaces),
                new SensorRoutes(namespaces)));
    if (options.meterRegistry() != null) {
      groups.add(new MetricsRoutes(options.meterRegistry()));
    }
    return groups;
  }

  /**
   * The server's own first path segments, never the UI's: those of its routes, and {@code api} and
   * {@code metrics} always (an unknown API route or a server without metrics answers a 404 problem,
   * not the app).
   */
  private static Set<String> serverSegments(List<ApiRoute> routes) {
    return Stream.concat(
            Stream.of("api", "metrics"), routes.stream().map(r -> r.path().split("/", 3)[1]))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Refuses a non-loopback address without tokens unless the options say insecure. */
  private static void checkExposure(WeftServerOptions options) {
    if (options.tokenAuth() || options.insecure() || isLoopback(options.host())) {
      return;
    }
    throw new IllegalArgumentException(
        "refusing to serve the API on "
            + options.host()
            + ", which is not a loopback address, without API tokens: anyone who reaches it could"
            + " start, signal and terminate workflows. Turn on token authentication (--token-auth;"
            + " make the first admin token with 'weft token create --store ... --role admin"
            + " --namespaces \"*\"'), or, on a network you trust, accept it with --insecure");
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the bind address '" + host + "'", e);
    }
  }

  /** The port the API listens on (the one picked when the options asked for 0). */
  public int port() {
    return app.port();
  }

  /** The API's base address, e.g. {@code http://127.0.0.1:7070} ({@code https://} with TLS). */
  public URI baseUri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    if ("0.0.0.0".equals(host) || "::".equals(host)) {
      h = "127.0.0.1";
    }
    return URI.create((https ? "https://" : "http://") + h + ":" + port());
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
