package dev.weft.server.api.namespaces;

import dev.weft.engine.NamespaceConfig;
import dev.weft.engine.NamespaceDescription;
import dev.weft.engine.NamespaceUpdate;
import dev.weft.engine.Namespaces;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The namespace routes of the API, under {@value #BASE}: create (ADMIN), list and describe
 * (READER), update the description or retention (ADMIN), over the engine's {@link Namespaces}. The
 * OpenAPI document describes them with the {@code Namespace*} schemas.
 */
public final class NamespaceRoutes implements RouteGroup {
  /** The collection of namespaces. */
  public static final String BASE = "/api/v1/namespaces";

  /** One namespace. */
  public static final String ONE = BASE + "/{namespace}";

  private final Namespaces namespaces;

  /** The routes over {@code namespaces}. */
  public NamespaceRoutes(Namespaces namespaces) {
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .post(BASE, ApiRole.ADMIN, this::create)
        .get(BASE, ApiRole.READER, this::list)
        .get(ONE, ApiRole.READER, this::describe)
        .patch(ONE, ApiRole.ADMIN, this::update);
  }

  private void create(Context ctx) {
    NamespaceDocuments.CreateRequest r = ApiJson.read(ctx, NamespaceDocuments.CreateRequest.class);
    if (r.name() == null) {
      throw ApiProblem.badField("name", null, "missing required field 'name'");
    }
    if (!NamespaceConfig.isValidName(r.name())) {
      throw ApiProblem.badField(
          "name",
          r.name(),
          "field 'name': '" + r.name() + "' is not 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
    Duration retention = retention(r.retention());
    NamespaceDescription created =
        namespaces.create(
            new NamespaceConfig(
                r.name(),
                r.description(),
                retention == null ? NamespaceConfig.DEFAULT_RETENTION : retention));
    ctx.header("Location", BASE + "/" + created.name());
    ApiJson.write(ctx, 201, NamespaceDocuments.Description.of(created));
  }

  private void list(Context ctx) {
    ApiJson.write(
        ctx,
        200,
        new NamespaceDocuments.NamespaceList(
            namespaces.list().stream().map(NamespaceDocuments.Description::of).toList()));
  }

  private void describe(Context ctx) {
    ApiJson.write(ctx, 200, NamespaceDocuments.Description.of(namespaces.describe(name(ctx))));
  }

  private void update(Context ctx) {
    String name = name(ctx);
    NamespaceDocuments.UpdateRequest r = ApiJson.read(ctx, NamespaceDocuments.UpdateRequest.class);
    if (r.description() == null && r.retention() == null) {
      throw ApiProblem.of(
          400,
          "nothing-to-update",
          "Nothing to update",
          "the update of namespace '" + name + "' gives neither 'description' nor 'retention'");
    }
    NamespaceDescription updated =
        namespaces.update(name, new NamespaceUpdate(r.description(), retention(r.retention())));
    ApiJson.write(ctx, 200, NamespaceDocuments.Description.of(updated));
  }

  /** The namespace of the path; one that cannot exist is 404 like any unknown one. */
  private static String name(Context ctx) {
    String name = ctx.pathParam("namespace");
    if (!NamespaceConfig.isValidName(name)) {
      throw ServedNamespaces.notFound(name);
    }
    return name;
  }

  /** A retention of a request (null stays null), positive. */
  private static Duration retention(String text) {
    if (text == null) {
      return null;
    }
    Duration d;
    try {
      d = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badField(
          "retention",
          text,
          "field 'retention': '" + text + "' is not an ISO-8601 duration such as P30D");
    }
    if (d.isNegative() || d.isZero()) {
      throw ApiProblem.badField(
          "retention", text, "field 'retention': the retention " + text + " is not positive");
    }
    return d;
  }
}
