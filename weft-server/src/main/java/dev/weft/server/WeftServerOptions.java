package dev.weft.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * How a {@link WeftServer} listens: bind address, port, the request body limit, token
 * authentication and TLS. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * WeftServer server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
 * WeftServer exposed =
 *     WeftServer.start(
 *         engine,
 *         WeftServerOptions.defaults()
 *             .withHost("0.0.0.0")
 *             .withTokenAuth(true)
 *             .withTls(ServerTls.pem(Path.of("server.crt"), Path.of("server.key"))));
 * }</pre>
 *
 * <p>A server on an address other than loopback must check tokens ({@link #withTokenAuth}) unless
 * the options say so explicitly ({@link #withInsecure}); {@link WeftServer#start} refuses it
 * otherwise.
 */
public final class WeftServerOptions {
  /** The default port of the API. */
  public static final int DEFAULT_PORT = 7070;

  /** The default request body limit: 4 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

  private final String host;
  private final int port;
  private final long maxRequestBytes;
  private final boolean tokenAuth;
  private final boolean insecure;
  private final ServerTls tls;
  private final PrometheusMeterRegistry meterRegistry;

  private WeftServerOptions(
      String host,
      int port,
      long maxRequestBytes,
      boolean tokenAuth,
      boolean insecure,
      ServerTls tls,
      PrometheusMeterRegistry meterRegistry) {
    this.host = host;
    this.port = port;
    this.maxRequestBytes = maxRequestBytes;
    this.tokenAuth = tokenAuth;
    this.insecure = insecure;
    this.tls = tls;
    this.meterRegistry = meterRegistry;
  }

  /** Loopback ({@code 127.0.0.1}), port 7070, 4 MiB bodies, no tokens, plain HTTP, no metrics. */
  public static WeftServerOptions defaults() {
    return new WeftServerOptions(
        "127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, false, false, null, null);
  }

  /** The address to bind: a host name or IP; {@code 0.0.0.0} for every interface. */
  public WeftServerOptions withHost(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /** The port; 0 picks a free one ({@link WeftServer#port()} tells which). */
  public WeftServerOptions withPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /** The largest request body accepted; a larger one is refused with 413. */
  public WeftServerOptions withMaxRequestBytes(long maxRequestBytes) {
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be >= 1024, was " + maxRequestBytes);
    }
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /** The bind address. */
  public String host() {
    return host;
  }

  /** The port asked for (0: any free one). */
  public int port() {
    return port;
  }

  /** The request body limit in bytes. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Whether every route that declares a role needs an API token (the tokens of the engine's store,
   * made with {@link dev.weft.server.auth.ApiTokens} or {@code weft token create}): no token, an
   * unknown or revoked one is 401, a role too low or a namespace not bound 403. Off by default.
   */
  public WeftServerOptions withTokenAuth(boolean tokenAuth) {
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /**
   * Whether the server may serve an address other than loopback without tokens (the command line's
   * {@code --insecure}): anyone who reaches it may then do anything. Off by default.
   */
  public WeftServerOptions withInsecure(boolean insecure) {
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /** Serves HTTPS (only) with this certificate and key; null for plain HTTP (the default). */
  public WeftServerOptions withTls(ServerTls tls) {
    return new WeftServerOptions(
        host, port, maxRequestBytes, tokenAuth, insecure, tls, meterRegistry);
  }

  /** Whether routes with a role need a token. */
  public boolean tokenAuth() {
    return tokenAuth;
  }

  /** Whether a non-loopback address may be served without tokens. */
  public boolean insecure() {
    return insecure;
  }

  /** The TLS key material, or null for plain HTTP. */
  public ServerTls tls() {
    return tls;
  }

  /**
   * Serves {@code GET /metrics} from {@code registry} (the Prometheus text format, open to every
   * caller like health) and records every request's latency in it as {@code
   * http.server.requests{method,route,status}} [http_server_requests_seconds], {@code route} being
   * the route's template ({@code /api/v1/namespaces/{namespace}/workflows/{workflowId}}), or {@code
   * unmatched} for a path no route serves. Give the engine the same registry, so that one scrape
   * has both:
   *
   * <pre>{@code
   * PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
   * WeftEngine engine = WeftEngine.builder().store(store).meterRegistry(metrics).build();
   * engine.start();
   * WeftServer.start(engine, WeftServerOptions.defaults().withMeterRegistry(metrics));
   * }</pre>
   *
   * Without a registry (the default) there is no {@code /metrics} route and requests are not timed.
   */
  public WeftServerOptions withMeterRegistry(PrometheusMeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new WeftServerOptions(host, port, maxRequestBytes, tokenAuth, insecure, tls, registry);
  }

  /** The registry {@code /metrics} serves, or null for none. */
  public PrometheusMeterRegistry meterRegistry() {
    return meterRegistry;
  }
}
