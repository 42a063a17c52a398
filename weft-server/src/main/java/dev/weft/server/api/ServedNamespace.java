package dev.weft.server.api;

import dev.weft.server.http.ApiProblem;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The namespace a route's {@code {namespace}} path parameter names, checked against the one
 * namespace this server serves (its engine's): any other is 404 {@code namespace-not-found}. The
 * one place that decides which namespaces exist, so that the namespaces work can replace it.
 */
public final class ServedNamespace {
  private final String namespace;

  /** Serves {@code namespace} only. */
  public ServedNamespace(String namespace) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /**
   * Returns the namespace of the request.
   *
   * @throws ApiProblem 404 {@code namespace-not-found} if the server does not serve it
   */
  public String require(Context ctx) {
    String asked = ctx.pathParam("namespace");
    if (!namespace.equals(asked)) {
      throw ApiProblem.notFound(
              "namespace-not-found",
              "namespace '" + asked + "' does not exist; this server serves '" + namespace + "'")
          .withField("namespace", asked);
    }
    return asked;
  }
}
