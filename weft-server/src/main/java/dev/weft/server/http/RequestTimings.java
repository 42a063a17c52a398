package dev.weft.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http.server.requests{method,route,status}}
 * [http_server_requests_seconds]: {@code route} is the template of the route that answered, never
 * the raw path (so workflow IDs do not become label values), or {@code unmatched} when no route
 * matched (404, 405).
 */
public final class RequestTimings {
  /** The route tag of a request no route matched. */
  public static final String UNMATCHED = "unmatched";

  private final MeterRegistry registry;

  private RequestTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Installs the timer on a Javalin configuration. */
  public static void install(JavalinConfig config, MeterRegistry registry) {
    RequestTimings timings = new RequestTimings(registry);
    config.requestLogger.http(timings::record);
  }

  private void record(Context ctx, Float millis) {
    Timer.builder("http.server.requests")
        .description("HTTP requests the Weft server answered, by route template and status")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx) {
    Endpoint matched;
    try {
      matched = ctx.endpoints().matchedHttpEndpoint();
    } catch (RuntimeException e) {
      return UNMATCHED;
    }
    return matched == null || "*".equals(matched.path) ? UNMATCHED : matched.path;
  }
}
