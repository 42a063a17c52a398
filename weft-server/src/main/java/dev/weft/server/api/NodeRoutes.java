package dev.weft.server.api;

import dev.weft.engine.EngineNode;
import dev.weft.engine.WeftEngine;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/nodes}: the engine nodes of the store ({@link WeftEngine#listNodes()}), live
 * or dead for less than a day. Across namespaces: a token must be bound to {@code *}.
 */
public final class NodeRoutes implements RouteGroup {
  private final WeftEngine engine;

  /** The nodes of {@code engine}'s store. */
  public NodeRoutes(WeftEngine engine) {
    this.engine = engine;
  }

  /** {@code NodesNode}. */
  record Node(
      String nodeId,
      String host,
      long processId,
      Instant startTime,
      Instant lastHeartbeat,
      String version,
      List<String> taskQueues,
      boolean live) {
    static Node of(EngineNode n) {
      return new Node(
          n.nodeId(),
          n.host(),
          n.processId(),
          n.startTime(),
          n.lastHeartbeat(),
          n.version(),
          n.taskQueues(),
          n.live());
    }
  }

  /** {@code NodesList}. */
  record NodeList(List<Node> nodes) {}

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(
        "/api/v1/nodes",
        ApiRole.READER,
        ctx ->
            ApiJson.write(
                ctx, 200, new NodeList(engine.listNodes().stream().map(Node::of).toList())));
  }
}
