package dev.weft.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes a {@link RouteGroup} adds. Each names the role it needs; the server installs them on
 * Javalin and the access check reads the role from here.
 */
public final class ApiRoutes {
  private final List<ApiRoute> routes = new ArrayList<>();

  /** Adds a GET route. */
  public ApiRoutes get(String path, ApiRole role, Handler handler) {
    return add(HandlerType.GET, path, role, handler);
  }

  /** Adds a POST route. */
  public ApiRoutes post(String path, ApiRole role, Handler handler) {
    return add(HandlerType.POST, path, role, handler);
  }

  /** Adds a PUT route. */
  public ApiRoutes put(String path, ApiRole role, Handler handler) {
    return add(HandlerType.PUT, path, role, handler);
  }

  /** Adds a PATCH route. */
  public ApiRoutes patch(String path, ApiRole role, Handler handler) {
    return add(HandlerType.PATCH, path, role, handler);
  }

  /** Adds a DELETE route. */
  public ApiRoutes delete(String path, ApiRole role, Handler handler) {
    return add(HandlerType.DELETE, path, role, handler);
  }

  private ApiRoutes add(HandlerType method, String path, ApiRole role, Handler handler) {
    for (ApiRoute r : routes) {
      if (r.method() == method && r.path().equals(path)) {
        throw new IllegalStateException("route " + method + " " + path + " is added twice");
      }
    }
    routes.add(new ApiRoute(method, path, role, handler));
    return this;
  }

  /** Every route added, in order. */
  public List<ApiRoute> all() {
    return List.copyOf(routes);
  }
}
