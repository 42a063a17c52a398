package dev.weft.server.api;

import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document of the API, open to everyone. */
public final class OpenApiRoutes implements RouteGroup {
  /** The document's class path resource. */
  public static final String RESOURCE = "/dev/weft/server/openapi.json";

  private final byte[] document;

  /** Loads the document from the class path. */
  public OpenApiRoutes() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(
        "/api/v1/openapi.json",
        null,
        ctx -> ctx.status(200).contentType("application/json").result(document));
  }
}
