package dev.weft.server.api.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.EngineNode;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.Batch;
import dev.weft.store.nodes.PutNode;
import dev.weft.store.nodes.StoredNode;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /api/v1/nodes}: the engine nodes of a store, on both stores and two nodes. */
class NodeApiTest {
  /** The internal queue of batch operations, which every engine serves. */
  private static final String SYSTEM_QUEUE = "__weft_system";

  private static List<String> queues(JsonNode node) {
    List<String> queues = new ArrayList<>();
    node.path("taskQueues").forEach(q -> queues.add(q.asText()));
    return queues;
  }

  private static final String NODES = "/api/v1/nodes";

  @TempDir Path dir;

  private static Map<String, JsonNode> byId(ApiCalls api) {
    Map<String, JsonNode> nodes = new HashMap<>();
    for (JsonNode n : api.get(NODES).json().path("nodes")) {
      nodes.put(n.path("nodeId").asText(), n);
    }
    return nodes;
  }

  private static StoredNode stale(String nodeId, Instant heartbeat) {
    return new StoredNode(
        nodeId, "gone-host", 7, heartbeat.minusSeconds(60), heartbeat, "0.0.1", new TreeSet<>());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theNodeRecordsItselfAndDeadNodesAreShownThenForgotten(TestStore store) throws Exception {
    try (ApiServer s =
        ApiServer.start(
            store,
            dir,
            b -> b.nodeId("node-a"),
            TestWorkflows::register,
            WeftServerOptions.defaults().withPort(0))) {
      ApiCalls api = s.calls();
      Instant now = Instant.now();
      s.engine()
          .store()
          .commit(
              Batch.of(
                  new PutNode(stale("dead-a-minute", now.minusSeconds(60))),
                  new PutNode(stale("dead-two-days", now.minus(Duration.ofDays(2))))))
          .get();

      Map<String, JsonNode> nodes = byId(api);
      JsonNode self = nodes.get("node-a");
      assertThat(self).isNotNull();
      assertThat(self.path("live").asBoolean()).isTrue();
      assertThat(self.path("host").asText()).isNotBlank();
      assertThat(self.path("processId").asLong()).isEqualTo(ProcessHandle.current().pid());
      assertThat(self.path("version").asText()).isNotBlank();
      // every engine also serves the internal queue of batch operations
      assertThat(queues(self)).containsExactlyInAnyOrder(TestWorkflows.QUEUE, SYSTEM_QUEUE);
      assertThat(Instant.parse(self.path("lastHeartbeat").asText()))
          .isAfterOrEqualTo(Instant.parse(self.path("startTime").asText()));
      assertThat(nodes.get("dead-a-minute").path("live").asBoolean()).isFalse();
      assertThat(nodes.get("dead-a-minute").path("host").asText()).isEqualTo("gone-host");
      assertThat(s.engine().listNodes()).extracting(EngineNode::nodeId).contains("node-a");

      Instant before = Instant.parse(self.path("lastHeartbeat").asText());
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !byId(api).containsKey("dead-two-days"));
      Map<String, JsonNode> later = byId(api);
      assertThat(Instant.parse(later.get("node-a").path("lastHeartbeat").asText())).isAfter(before);
      assertThat(later).containsKey("dead-a-minute");
    }
  }

  @Test
  void twoEnginesOnOnePostgresqlAreListedTogether() {
    try (ApiServer a =
            ApiServer.start(
                TestStore.POSTGRES,
                dir,
                b -> b.nodeId("pg-node-a"),
                TestWorkflows::register,
                WeftServerOptions.defaults().withPort(0));
        WeftEngine b =
            WeftEngine.builder().store(TestStore.POSTGRES.open(dir)).nodeId("pg-node-b").build()) {
      b.newWorker("only-on-b")
          .registerWorkflow(TestWorkflows.Greeter.class, TestWorkflows.GreeterImpl::new);
      b.start();

      Map<String, JsonNode> nodes = byId(a.calls());
      assertThat(nodes).containsKeys("pg-node-a", "pg-node-b");
      assertThat(nodes.get("pg-node-a").path("live").asBoolean()).isTrue();
      assertThat(nodes.get("pg-node-b").path("live").asBoolean()).isTrue();
      assertThat(queues(nodes.get("pg-node-b")))
          .containsExactlyInAnyOrder("only-on-b", SYSTEM_QUEUE);
      assertThat(b.listNodes()).extracting(EngineNode::nodeId).contains("pg-node-a", "pg-node-b");
      assertThat(List.copyOf(nodes.keySet())).hasSize(2);
    }
  }
}
