package dev.weft.server.api;

import dev.weft.client.WeftClient;
import dev.weft.common.SearchAttributeType;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.NamespaceNotFoundException;
import dev.weft.server.http.ApiProblem;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;

/**
 * The namespace a route's {@code {namespace}} path parameter names, and the engine's client for it:
 * any namespace of the engine's catalog is served ({@link WeftEngine#client(String)}, cached per
 * namespace by the engine); any other is 404 {@code namespace-not-found}.
 */
public final class ServedNamespaces {
  private final WeftEngine engine;

  /** Serves the namespaces of {@code engine}'s catalog. */
  public ServedNamespaces(WeftEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Returns the client of the request's namespace.
   *
   * @throws ApiProblem 404 {@code namespace-not-found}, naming the namespace, if it does not exist
   */
  public WeftClient client(Context ctx) {
    String asked = ctx.pathParam("namespace");
    try {
      return engine.client(asked);
    } catch (NamespaceNotFoundException e) {
      throw notFound(asked);
    }
  }

  /**
   * Checks that the request's namespace exists (for routes that need no client: task queues are
   * shared by every namespace).
   *
   * @throws ApiProblem 404 {@code namespace-not-found}, naming the namespace, if it does not exist
   */
  public void check(Context ctx) {
    client(ctx);
  }

  /** The engine's registered search attributes and their types ({@code describe} shows them). */
  public Map<String, SearchAttributeType> searchAttributeTypes() {
    return engine.searchAttributeTypes();
  }

  /** The 404 {@code namespace-not-found} of a namespace, naming it in its field. */
  public static ApiProblem notFound(String namespace) {
    return ApiProblem.notFound(
            "namespace-not-found",
            "namespace '" + namespace + "' does not exist; create it with POST /api/v1/namespaces")
        .withField("namespace", namespace)
        .with("namespace", namespace);
  }
}
