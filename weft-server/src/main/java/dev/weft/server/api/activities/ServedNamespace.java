package dev.weft.server.api.activities;

import dev.weft.server.http.ApiProblem;
import io.javalin.http.Context;

/** The one namespace a server serves (its engine's): any other in a path is 404. */
final class ServedNamespace {
  private final String namespace;

  ServedNamespace(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Checks the request's {@code {namespace}} path parameter.
   *
   * @throws ApiProblem 404 {@code namespace-not-found} naming the namespace and the served one
   */
  void check(Context ctx) {
    String asked = ctx.pathParam("namespace");
    if (!namespace.equals(asked)) {
      throw ApiProblem.notFound(
              "namespace-not-found",
              "namespace '" + asked + "' does not exist; this server serves '" + namespace + "'")
          .withField("namespace", asked);
    }
  }
}
