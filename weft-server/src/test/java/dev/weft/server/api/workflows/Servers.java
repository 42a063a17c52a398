package dev.weft.server.api.workflows;

import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One API server with the {@link TestWorkflows} per store for a test class, started on first use
 * and closed by the class's {@code @AfterAll}. Tests share it and keep apart by unique workflow
 * IDs.
 */
final class Servers implements AutoCloseable {
  /** The collection path of the served namespace. */
  static final String WORKFLOWS = "/api/v1/namespaces/default/workflows";

  private final Supplier<Path> dir;
  private final Map<TestStore, ApiServer> servers = new EnumMap<>(TestStore.class);

  Servers(Supplier<Path> dir) {
    this.dir = dir;
  }

  synchronized ApiServer server(TestStore store) {
    return servers.computeIfAbsent(
        store, s -> TestWorkflows.server(s, dir.get().resolve(s.name().toLowerCase())));
  }

  ApiCalls calls(TestStore store) {
    return server(store).calls();
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(ApiServer::close);
    servers.clear();
  }

  /** The path of one workflow, its ID URL-encoded. */
  static String workflow(String workflowId) {
    return WORKFLOWS
        + "/"
        + URLEncoder.encode(workflowId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A workflow ID no other test uses. */
  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** A start request body of the test queue. */
  static Map<String, Object> start(String type, String workflowId, Object... args) {
    return Map.of(
        "workflowType",
        type,
        "args",
        java.util.List.of(args),
        "options",
        Map.of("workflowId", workflowId, "taskQueue", TestWorkflows.QUEUE));
  }
}
