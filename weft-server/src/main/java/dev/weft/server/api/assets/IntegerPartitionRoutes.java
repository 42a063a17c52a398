package dev.weft.server.api.assets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.assets.CatalogPartitions;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The current ends of named growing integer ranges over HTTP ({@code
 * IntegerRangePartitions.from(0).named("chain")}): read it, and advance it to a new head ({@link
 * CatalogPartitions#advanceIntegerEnd}); any node answers from the catalog. An end never moves
 * backwards: a smaller one is 409 {@code integer-end-behind}.
 */
public final class IntegerPartitionRoutes implements RouteGroup {
  private static final String PATH = "/api/v1/namespaces/{namespace}/integer-partitions/{name}";

  private final ServedNamespaces namespaces;
  private final WeftEngine engine;
  private final Clock clock;

  /** The routes of {@code engine}'s store for the namespaces {@code namespaces} serves. */
  public IntegerPartitionRoutes(WeftEngine engine, ServedNamespaces namespaces, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code IntegerPartitionEnd}: the recorded end, both null while none was recorded. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record End(String name, Long end, Instant updatedAt) {
    static End of(String name, Optional<IntegerPartitionEnd> recorded) {
      return recorded
          .map(e -> new End(name, e.endExclusive(), e.updatedAt()))
          .orElseGet(() -> new End(name, null, null));
    }
  }

  /** {@code IntegerPartitionEndRequest}. */
  record EndRequest(Long end) {}

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(PATH, ApiRole.READER, this::read).put(PATH, ApiRole.OPERATOR, this::advance);
  }

  private CatalogPartitions partitions(Context ctx) {
    namespaces.check(ctx);
    return new CatalogPartitions(engine.store(), ctx.pathParam("namespace"), clock);
  }

  private void read(Context ctx) {
    QueryParams.of(ctx);
    CatalogPartitions partitions = partitions(ctx);
    String name = name(ctx);
    ApiJson.write(ctx, 200, End.of(name, partitions.integerEnd(name)));
  }

  private void advance(Context ctx) {
    QueryParams.of(ctx);
    EndRequest body = ApiJson.read(ctx, EndRequest.class);
    if (body.end() == null || body.end() < 0) {
      throw ApiProblem.badField(
          "end", body.end(), "field 'end' is required: the exclusive end, a number >= 0");
    }
    CatalogPartitions partitions = partitions(ctx);
    String name = name(ctx);
    IntegerPartitionEnd advanced;
    try {
      advanced = partitions.advanceIntegerEnd(name, body.end());
    } catch (IllegalStateException e) {
      throw ApiProblem.of(409, "integer-end-behind", "Integer end behind", e.getMessage())
          .withField("end", body.end());
    }
    ApiJson.write(ctx, 200, End.of(name, Optional.of(advanced)));
  }

  private static String name(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      IntegerRangePartitions.from(0).named(name);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-parameter", "Invalid parameter", e.getMessage())
          .withField("name", name);
    }
    return name;
  }
}
