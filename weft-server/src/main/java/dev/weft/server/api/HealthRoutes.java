package dev.weft.server.api;

import dev.weft.engine.WeftEngine;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/health} (the process answers) and {@code GET /api/v1/ready} (the store answers
 * a read: 200, or 503 with the reason), open to every caller so that load balancers and
 * orchestrators need no token.
 */
public final class HealthRoutes implements RouteGroup {
  private final WeftEngine engine;

  /** Health of {@code engine}'s node. */
  public HealthRoutes(WeftEngine engine) {
    this.engine = engine;
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get("/api/v1/health", null, ctx -> ApiJson.write(ctx, 200, Map.of("status", "UP")));
    routes.get(
        "/api/v1/ready",
        null,
        ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          try {
            engine.store().findRunsClosedBefore("", java.time.Instant.EPOCH, 1);
            body.put("status", "READY");
            ApiJson.write(ctx, 200, body);
          } catch (RuntimeException e) {
            body.put("status", "NOT_READY");
            body.put("reason", "the store does not answer: " + e.getMessage());
            ApiJson.write(ctx, 503, body);
          }
        });
  }
}
