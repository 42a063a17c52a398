package dev.weft.server.api;

import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the registry's meters in the Prometheus text format (version 0.0.4), open
 * to every caller like health, so that a Prometheus server scrapes it without a token. It is not
 * under {@code /api/v1} and not in the OpenAPI document: it is Prometheus's format and path
 * convention, not part of the JSON API (whose clients are generated from the document).
 */
public final class MetricsRoutes implements RouteGroup {
  /** The content type of the Prometheus text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  /** Serves {@code registry}. */
  public MetricsRoutes(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(
        "/metrics",
        null,
        ctx -> ctx.status(200).contentType(CONTENT_TYPE).result(registry.scrape()));
  }
}
