package dev.weft.server.api.sensors;

import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.schedules.SensorNotFoundException;
import dev.weft.schedules.Sensors;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.sensors.SensorDocuments.Accepted;
import dev.weft.server.api.sensors.SensorDocuments.CursorBody;
import dev.weft.server.api.sensors.SensorDocuments.Description;
import dev.weft.server.api.sensors.SensorDocuments.PauseBody;
import dev.weft.server.api.sensors.SensorDocuments.SensorList;
import dev.weft.server.api.sensors.SensorDocuments.Summary;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Sensors over HTTP, through {@link Sensors#client} (the sensor workflows run on the nodes that
 * define them; describing one replays its workflow on this node, which needs the sensor workflow
 * registered, as {@code Sensors.builder(engine)} does): list, describe with the recent evaluations,
 * pause with a note, unpause and set or reset the cursor, in the namespace of the path. Reading
 * needs the reader role, changing the operator role.
 */
public final class SensorRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}/sensors";
  private static final String ONE = BASE + "/{name}";

  private final ServedNamespaces namespaces;

  /** The sensor routes for the namespaces {@code namespaces} serves. */
  public SensorRoutes(ServedNamespaces namespaces) {
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .get(BASE, ApiRole.READER, this::list)
        .get(ONE, ApiRole.READER, this::describe)
        .post(ONE + "/pause", ApiRole.OPERATOR, this::pause)
        .post(ONE + "/unpause", ApiRole.OPERATOR, this::unpause)
        .put(ONE + "/cursor", ApiRole.OPERATOR, this::cursor);
  }

  private void list(Context ctx) {
    QueryParams.of(ctx);
    Sensors sensors = Sensors.client(namespaces.client(ctx));
    try {
      ApiJson.write(ctx, 200, new SensorList(sensors.list().stream().map(Summary::of).toList()));
    } catch (UnknownWorkflowTypeException e) {
      throw notServed(e);
    }
  }

  private void describe(Context ctx) {
    QueryParams.of(ctx);
    Sensors sensors = Sensors.client(namespaces.client(ctx));
    String name = name(ctx);
    try {
      ApiJson.write(ctx, 200, Description.of(sensors.describe(name)));
    } catch (SensorNotFoundException e) {
      throw notFound(ctx, name);
    } catch (UnknownWorkflowTypeException e) {
      throw notServed(e);
    }
  }

  /**
   * A sensor is described by replaying its workflow on this node: without the sensor workflow
   * registered here (no app this node runs built {@code Sensors.builder(engine)}), it cannot be.
   */
  private static ApiProblem notServed(UnknownWorkflowTypeException e) {
    return ApiProblem.of(
            503,
            "sensors-not-served",
            "Sensors not served by this node",
            "this node cannot describe sensors: the sensor workflow "
                + e.getWorkflowType()
                + " is not registered on it; run an app here that builds"
                + " Sensors.builder(engine) (with or without sensors of its own)")
        .with("workflowType", e.getWorkflowType());
  }

  private void pause(Context ctx) {
    QueryParams.of(ctx);
    PauseBody body = ApiJson.read(ctx, PauseBody.class);
    change(ctx, (sensors, name) -> sensors.pause(name, body.note()));
  }

  private void unpause(Context ctx) {
    QueryParams.of(ctx);
    change(ctx, Sensors::unpause);
  }

  private void cursor(Context ctx) {
    QueryParams.of(ctx);
    CursorBody body = ApiJson.read(ctx, CursorBody.class);
    change(ctx, (sensors, name) -> sensors.setCursor(name, body.cursor()));
  }

  /** Sends a change to a sensor: 202 once it is durable, 404 if no such sensor runs. */
  private void change(Context ctx, BiConsumer<Sensors, String> change) {
    Sensors sensors = Sensors.client(namespaces.client(ctx));
    String name = name(ctx);
    try {
      change.accept(sensors, name);
    } catch (SensorNotFoundException e) {
      throw notFound(ctx, name);
    }
    ApiJson.write(ctx, 202, new Accepted(name));
  }

  private static String name(Context ctx) {
    return ctx.pathParam("name");
  }

  private static ApiProblem notFound(Context ctx, String name) {
    return ApiProblem.notFound(
            "sensor-not-found",
            "namespace '"
                + ctx.pathParam("namespace")
                + "' has no running sensor '"
                + name
                + "'; an app defines sensors with Sensors.builder(engine)")
        .withField("name", name)
        .with("sensor", name);
  }
}
