package dev.weft.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API: method, path (Javalin syntax, {@code /api/v1/workflows/{workflowId}}), the
 * role it needs, and its handler. {@link ApiRoutes} keeps them all, so that the OpenAPI contract
 * test can compare them with the document.
 *
 * @param method the HTTP method
 * @param path the path template, starting with {@code /}
 * @param role the least role a caller needs; null for routes open to everyone (health, the OpenAPI
 *     document, metrics)
 * @param handler what answers
 */
public record ApiRoute(HandlerType method, String path, ApiRole role, Handler handler) {}
